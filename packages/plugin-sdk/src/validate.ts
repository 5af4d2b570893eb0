import { existsSync } from "node:fs";
import { CronExpressionParser } from "cron-parser";
import semver from "semver";
import { z } from "zod";
import { CORE_EVENTS } from "./core-events.ts";
import { moduleFile, type Module } from "./manifest.ts";

/**
 * The checks the portal runs on every installed module when it builds (app/routes.ts).
 * Each problem names the module, so a plugin author sees at once whose manifest to fix.
 */
export interface ModuleProblem {
  module: string;
  message: string;
}

/** URL segments under /c/:tenant/ that the portal itself uses. */
export const RESERVED_IDS: ReadonlySet<string> = new Set(["home", "join", "admin", "api", "assets", "settings", "dev"]);

/** Permissions the core defines; modules may not redefine them. */
export const CORE_PERMISSION_IDS: ReadonlySet<string> = new Set(["coalition:view", "member:invite", "activity:read", "role:change", "module:manage"]);

const ID = /^[a-z][a-z0-9-]{1,38}[a-z0-9]$/;
/** What follows "<module>." in an event name; the outbox refuses anything else. */
const EVENT_NAME = /^[a-z][a-z0-9_]{0,63}$/;
const JOB_ID = /^[a-z][a-z0-9-]{0,38}[a-z0-9]$/;

/** "deliverables/:id" and "deliverables/:deliverableId" match the same URLs. */
function routeShape(path: string): string {
  return path
    .split("/")
    .filter(Boolean)
    .map((segment) => (segment.startsWith(":") ? ":" : segment))
    .join("/");
}

export function checkModules(modules: readonly Module[], portalVersion: string, options: { checkFiles?: boolean } = {}): ModuleProblem[] {
  const problems: ModuleProblem[] = [];
  const problem = (module: string, message: string) => problems.push({ module, message });
  const owners = { id: new Map<string, string>(), route: new Map<string, string>(), permission: new Map<string, string>(), event: new Map<string, string>() };
  const claim = (kind: keyof typeof owners, key: string, module: string, describe: string) => {
    const owner = owners[kind].get(key);
    if (owner && owner !== module) problem(module, `${describe} is already claimed by module "${owner}".`);
    else if (owner === module && kind !== "id") problem(module, `${describe} is declared twice.`);
    else owners[kind].set(key, module);
  };
  for (const permission of CORE_PERMISSION_IDS) owners.permission.set(permission, "core");
  for (const event of CORE_EVENTS) owners.event.set(event, "core");

  for (const m of modules) {
    const id = m.id;
    if (!ID.test(id)) problem(id, `id "${id}" must be 3–40 lowercase letters, digits or hyphens, starting with a letter.`);
    if (RESERVED_IDS.has(id)) problem(id, `id "${id}" is a path the portal uses under /c/:tenant/; choose another.`);
    if (owners.id.has(id)) problem(id, `two modules claim the id "${id}".`);
    owners.id.set(id, id);

    if (!semver.valid(m.version)) problem(id, `version "${m.version}" is not a semantic version (like 1.2.0).`);
    if (!semver.validRange(m.portal)) problem(id, `portal range "${m.portal}" is not a semver range (like ^0.1.0).`);
    else if (!semver.satisfies(portalVersion, m.portal, { includePrerelease: true })) {
      problem(id, `supports portal ${m.portal}, but this portal is ${portalVersion}.`);
    }

    for (const [mount, routes] of [[`c/:tenant/${id}`, m.routes ?? []], [`c/:tenant/admin/${id}`, m.adminRoutes ?? []]] as const) {
      for (const route of routes) {
        const full = [mount, route.path].filter(Boolean).join("/");
        claim("route", routeShape(full), id, `route /${full}`);
        if (options.checkFiles && !existsSync(moduleFile(m, route.file))) problem(id, `route file ${route.file} does not exist in ${m.directory}.`);
      }
    }

    for (const permission of Object.keys(m.permissions ?? {})) {
      if (!permission.startsWith(`${id}:`)) problem(id, `permission "${permission}" must start with "${id}:".`);
      claim("permission", permission, id, `permission "${permission}"`);
    }

    for (const event of m.events?.emits ?? []) {
      // A core module is where a core event comes from (members admits organisations).
      if (m.core && (CORE_EVENTS as readonly string[]).includes(event)) continue;
      if (!event.startsWith(`${id}.`)) problem(id, `event "${event}" must start with "${id}." (core events are emitted by the core).`);
      else if (!EVENT_NAME.test(event.slice(id.length + 1))) problem(id, `event "${event}" must be "${id}." and then lowercase letters, digits and underscores (like "${id}.item_published").`);
      claim("event", event, id, `event "${event}"`);
    }

    if (m.settings) {
      try {
        z.toJSONSchema(m.settings);
      } catch (error) {
        problem(id, `settings schema cannot be stored or rendered as a form: ${(error as Error).message}.`);
      }
      if (!m.settings.safeParse({}).success) problem(id, `settings schema needs a default for every field, so a coalition can switch the module on before editing them.`);
    }

    for (const [jobId, job] of Object.entries(m.jobs ?? {})) {
      if (!JOB_ID.test(jobId)) problem(id, `job id "${jobId}" must be lowercase letters, digits or hyphens.`);
      if (job.cron.trim().split(/\s+/).length !== 5) problem(id, `job "${jobId}": cron "${job.cron}" must have five fields (minute hour day month weekday).`);
      else {
        try {
          CronExpressionParser.parse(job.cron, { tz: "UTC" });
        } catch (error) {
          problem(id, `job "${jobId}": cron "${job.cron}" is not a valid pattern: ${(error as Error).message}.`);
        }
      }
    }

    const english = m.messages?.en;
    if (m.messages && !english) problem(id, `messages need an "en" catalogue.`);
    for (const entry of m.navigation ?? []) {
      if (!english?.[entry.label]) problem(id, `navigation label "${entry.label}" has no English message.`);
      if (entry.permission && !(entry.permission in (m.permissions ?? {})) && !CORE_PERMISSION_IDS.has(entry.permission)) {
        problem(id, `navigation entry "${entry.label}" needs permission "${entry.permission}", which no module defines.`);
      }
    }
    if (options.checkFiles && m.schema && !existsSync(moduleFile(m, m.schema))) problem(id, `schema file ${m.schema} does not exist in ${m.directory}.`);
  }

  // Subscriptions are checked last: they may name an event a later module emits.
  for (const m of modules) {
    for (const event of m.events?.subscribes ?? []) {
      if (!owners.event.has(event)) problem(m.id, `subscribes to "${event}", which neither the core nor any installed module emits.`);
    }
  }
  return problems;
}

export class ModuleManifestError extends Error {
  constructor(readonly problems: ModuleProblem[]) {
    super(`The installed modules cannot be composed:\n${problems.map((p) => `  - module "${p.module}": ${p.message}`).join("\n")}`);
    this.name = "ModuleManifestError";
  }
}

/** Throws one error listing every problem; the portal's build stops on it. */
export function assertModules(modules: readonly Module[], portalVersion: string, options?: { checkFiles?: boolean }): void {
  const problems = checkModules(modules, portalVersion, options);
  if (problems.length) throw new ModuleManifestError(problems);
}
