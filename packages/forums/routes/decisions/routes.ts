import type { RouteDefinition } from "@commons/plugin-sdk";

/** The decisions area's routes (paths below /c/:tenant/forums/, files relative to the package). */
export const decisionsRoutes: readonly RouteDefinition[] = [];
