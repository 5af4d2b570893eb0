import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../paths.ts";
import { runQuietly } from "./children.ts";

export const PORTAL_BUILD = path.join(REPO_ROOT, "apps/portal/build/server/index.js");

const SKIP_DIRS = new Set(["node_modules", "generated", "build", ".turbo", ".cache", "test-results"]);

function newestIn(dir: string, newest = 0): number {
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) newest = newestIn(path.join(dir, entry.name), newest);
    } else if (!/\.test\.tsx?$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path.join(dir, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/** What the portal's bundle is made from; packages/dev is not part of it. */
function sourceDirs(): string[] {
  const dirs = [path.join(REPO_ROOT, "apps/portal/app"), path.join(REPO_ROOT, "apps/portal/public")];
  for (const parent of ["packages", "plugins"]) {
    const root = path.join(REPO_ROOT, parent);
    if (!existsSync(root)) continue;
    for (const pkg of readdirSync(root, { withFileTypes: true })) {
      if (!pkg.isDirectory() || (parent === "packages" && pkg.name === "dev")) continue;
      dirs.push(path.join(root, pkg.name, parent === "packages" ? "src" : ""));
    }
  }
  return dirs;
}

/** Why the portal needs building, or null when the build is newer than every source file. */
export function buildReason(): string | null {
  if (!existsSync(PORTAL_BUILD)) return "no build yet";
  const built = statSync(PORTAL_BUILD).mtimeMs;
  // The module list decides which plugins the build mounts.
  const files = ["vite.config.ts", "app/routes.ts", "modules.config.ts", "package.json"].map((f) => path.join(REPO_ROOT, "apps/portal", f));
  const newest = Math.max(...sourceDirs().map((d) => newestIn(d)), ...files.filter(existsSync).map((f) => statSync(f).mtimeMs));
  return newest > built ? "sources changed since the last build" : null;
}

export async function buildPortal(): Promise<void> {
  // Vite builds for production; a development NODE_ENV from the caller would leak into the bundle.
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.NODE_ENV;
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const { code, output } = await runQuietly(npm, ["run", "build", "-w", "@commons/portal"], env as NodeJS.ProcessEnv);
  if (code !== 0) {
    const tail = output.trim().split("\n").slice(-40).join("\n");
    throw new Error(`Building the portal failed (npm run build -w @commons/portal, exit code ${code}):\n${tail}`);
  }
}
