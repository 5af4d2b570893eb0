import path from "node:path";
import { fileURLToPath } from "node:url";
import { nextSteps, scaffoldPlugin } from "./scaffold.ts";

// npm run plugin:new <id>
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const id = process.argv[2];
if (!id || process.argv.length > 3) {
  console.error("Usage: npm run plugin:new <id>   (3–40 lowercase letters, digits or hyphens, starting with a letter)");
  process.exit(2);
}
try {
  const { names } = await scaffoldPlugin(id, { root });
  console.log(nextSteps(names));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
