import { existsSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { checkModules, definePlugin } from "@commons/plugin-sdk";
import { pluginNames, type PluginNames } from "./names.ts";
import { pluginFiles } from "./templates.ts";

/**
 * `npm run plugin:new <id>`: writes plugins/<id>/, a working plugin package. The id goes
 * through the same check the portal's build runs (packages/plugin-sdk/src/validate.ts).
 */
export interface ScaffoldOptions {
  /** The repository root: plugins/<id>/ is written below it. */
  root: string;
}

export function idProblems(id: string, { root }: ScaffoldOptions): string[] {
  // A manifest with nothing but the id: every problem checkModules finds is about the id.
  const probe = definePlugin(pathToFileURL(path.join(root, "plugin.ts")).href, { id, name: id, description: "", version: "0.1.0", portal: "*" });
  const problems = checkModules([probe], "0.1.0").map((p) => p.message);
  if (problems.length) return problems;
  const taken = [`plugins/${id}`, `packages/${id}`, `apps/${id}`, `prisma/schema/modules/${id}.prisma`].filter((p) => existsSync(path.join(root, p)));
  return taken.map((p) => `id "${id}" is taken: ${p} already exists.`);
}

function portalVersion(root: string): string {
  const file = path.join(root, "apps/portal/package.json");
  if (!existsSync(file)) return "0.1.0";
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

export async function scaffoldPlugin(id: string, options: ScaffoldOptions): Promise<{ directory: string; names: PluginNames; files: string[] }> {
  const problems = idProblems(id, options);
  if (problems.length) throw new Error(`Cannot create plugin "${id}":\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  const names = pluginNames(id);
  const directory = path.join(options.root, "plugins", id);
  const files = pluginFiles(names, portalVersion(options.root));
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(directory, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content, { flag: "wx" });
  }
  return { directory, names, files: Object.keys(files) };
}

export function nextSteps(n: PluginNames): string {
  const steps: [string, string][] = [
    [`apps/portal/package.json, dependencies: "${n.packageName}": "*"`, ""],
    [`apps/portal/modules.config.ts: import ${n.camel} from "${n.packageName}"; add ${n.camel} to MODULES`, ""],
    ["npm install", "links the new workspace package"],
    ["npm run modules:link", `prisma/schema/modules/${n.id}.prisma → plugins/${n.id}/prisma/${n.id}.prisma`],
    ["npm run db:generate", `the Prisma client learns db.${n.accessor}`],
    [`npm run db:migration -- ${n.snake}`, "needs DATABASE_URL (any reachable PostgreSQL); review the SQL: table, RLS policy, grant"],
    [`npm test -w ${n.packageName}`, "the generated test: the page for a member, 404 for a non-member, the subscriber"],
    ["npm start", `as a secretariat admin, switch "${n.title}" on at /c/<coalition>/admin/modules`],
  ];
  const width = Math.max(...steps.filter(([, note]) => note).map(([command]) => command.length)) + 3;
  const lines = steps.map(([command, note], i) => `  ${i + 1}. ${note ? command.padEnd(width) + note : command}`);
  return [`Created plugins/${n.id} (${n.packageName}).`, "", "Next steps:", ...lines, "", "The guide: docs/plugins.md"].join("\n");
}
