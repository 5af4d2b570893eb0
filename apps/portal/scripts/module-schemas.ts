import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { moduleFile } from "@commons/plugin-sdk";
import { MODULES } from "../modules.config.ts";

/**
 * Prisma reads one schema folder. Each installed module's schema file joins it as a
 * relative symlink, prisma/schema/modules/<id>.prisma, committed with the module.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const MODULE_SCHEMA_DIR = path.join(root, "prisma/schema/modules");

export function expectedLinks(): Map<string, string> {
  const links = new Map<string, string>();
  for (const m of MODULES) {
    if (m.schema) links.set(`${m.id}.prisma`, path.relative(MODULE_SCHEMA_DIR, moduleFile(m, m.schema)));
  }
  return links;
}

export function currentLinks(): Map<string, string> {
  const links = new Map<string, string>();
  if (!existsSync(MODULE_SCHEMA_DIR)) return links;
  for (const name of readdirSync(MODULE_SCHEMA_DIR)) {
    const file = path.join(MODULE_SCHEMA_DIR, name);
    if (name.endsWith(".prisma") && lstatSync(file).isSymbolicLink()) links.set(name, readlinkSync(file));
  }
  return links;
}

/** Makes the folder match MODULES; returns what changed. */
export function linkModuleSchemas(): string[] {
  mkdirSync(MODULE_SCHEMA_DIR, { recursive: true });
  const want = expectedLinks();
  const have = currentLinks();
  const changes: string[] = [];
  for (const [name, target] of have) {
    if (want.get(name) !== target) {
      rmSync(path.join(MODULE_SCHEMA_DIR, name));
      changes.push(`removed ${name}`);
    }
  }
  for (const [name, target] of want) {
    if (have.get(name) !== target) {
      symlinkSync(target, path.join(MODULE_SCHEMA_DIR, name));
      changes.push(`linked ${name} → ${target}`);
    }
  }
  return changes;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const changes = linkModuleSchemas();
  console.log(changes.length ? changes.join("\n") : "Module schemas are already linked.");
}
