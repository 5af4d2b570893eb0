export { definePlugin, moduleFile, type JobDefinition, type Module, type ModuleDefinition, type NavigationEntry, type PermissionDefinition, type RouteDefinition } from "./manifest.ts";
export { assertModules, checkModules, CORE_PERMISSION_IDS, ModuleManifestError, RESERVED_IDS, type ModuleProblem } from "./validate.ts";
export { CORE_EVENTS, type CoreEvent } from "./core-events.ts";
export { ROLES, type Role } from "./roles.ts";
