import type { RouteDefinition } from "@commons/plugin-sdk";

/** The spaces area's routes (paths below /c/:tenant/forums/, files relative to the package). */
export const spacesRoutes: readonly RouteDefinition[] = [];
