import type { RouteDefinition } from "@commons/plugin-sdk";

/** The applications pages' routes (paths below /c/:tenant/members/, files relative to the package). */
export const applicationsRoutes: readonly RouteDefinition[] = [];
