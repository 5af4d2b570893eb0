import { fileURLToPath } from "node:url";
import path from "node:path";
import type { z } from "zod";
import type { Role } from "./roles.ts";

/**
 * What a module declares about itself. Everything here is static data (plus a zod schema),
 * so the portal can read it at build time — in app/routes.ts — without loading any of the
 * module's server code. Server hooks (event subscribers, job processors, seed) are reached
 * through `server`, a lazy import the worker calls.
 */
export interface RouteDefinition {
  /** Path below the module's mount point ("" for its index, "deliverables/:id", …). */
  path: string;
  /** Route module file, relative to the module's package folder. */
  file: string;
}

export interface NavigationEntry {
  /** Message key in the module's `messages`. */
  label: string;
  /** Path below the module's mount point. */
  path: string;
  /** Shown only to people holding this permission. */
  permission?: string;
}

export interface PermissionDefinition {
  description: string;
  /** Roles that hold the permission unless a coalition changes it. */
  roles: readonly Role[];
}

export interface JobDefinition {
  description: string;
  /**
   * When it runs: a five-field cron pattern in UTC ("0 6 * * *" is 06:00 every day). The
   * worker runs the job once per coalition that has the module on, each with its own retries.
   */
  cron: string;
}

export interface ModuleDefinition<Settings extends z.ZodObject = z.ZodObject> {
  /** Lowercase, digits and hyphens; also the URL segment: /c/:tenant/<id>/… */
  id: string;
  name: string;
  description: string;
  /** The module's own version (semver). */
  version: string;
  /** Portal versions it works with (a semver range, e.g. "^0.1.0"). */
  portal: string;
  /** Core modules are always on; plugins are switched on per coalition. */
  core?: boolean;
  routes?: readonly RouteDefinition[];
  /** Mounted under /c/:tenant/admin/<id>/… */
  adminRoutes?: readonly RouteDefinition[];
  navigation?: readonly NavigationEntry[];
  /** Keyed by permission id, which must start with "<id>:" (e.g. "taskforce:view"). */
  permissions?: Readonly<Record<string, PermissionDefinition>>;
  /** Per-coalition settings; the portal renders the settings form from it. */
  settings?: Settings;
  events?: {
    /** Event names this module emits; must start with "<id>." */
    emits?: readonly string[];
    /** Event names (core or another module's) this module's server entry handles. */
    subscribes?: readonly string[];
  };
  /**
   * Scheduled jobs, keyed by job id (lowercase, digits, hyphens). The server entry's `jobs`
   * supplies each one's processor.
   */
  jobs?: Readonly<Record<string, JobDefinition>>;
  /** The module's Prisma schema file, relative to its package folder. */
  schema?: string;
  /** Messages by locale ("en" required when any are given), keys prefixed with "<id>.". */
  messages?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Lazy server entry: event subscribers, job processors, email templates, demo seed. */
  server?: () => Promise<unknown>;
}

export interface Module<Settings extends z.ZodObject = z.ZodObject> extends ModuleDefinition<Settings> {
  /** Absolute path of the module's package folder (from the manifest's import.meta.url). */
  readonly directory: string;
}

/**
 * Declares a module. Pass the manifest file's `import.meta.url`, so the portal can find
 * the route and schema files the module names:
 *
 *   export default definePlugin(import.meta.url, { id: "taskforce", … });
 */
export function definePlugin<Settings extends z.ZodObject = z.ZodObject>(
  manifestUrl: string,
  definition: ModuleDefinition<Settings>,
): Module<Settings> {
  const directory = path.dirname(fileURLToPath(manifestUrl));
  return Object.freeze({ ...definition, directory });
}

/** Absolute path of a file a module names (a route or its schema). */
export function moduleFile(module: Module, file: string): string {
  return path.resolve(module.directory, file);
}
