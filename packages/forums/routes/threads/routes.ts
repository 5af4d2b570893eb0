import type { RouteDefinition } from "@commons/plugin-sdk";

/** The threads area's routes (paths below /c/:tenant/forums/, files relative to the package). */
export const threadsRoutes: readonly RouteDefinition[] = [];
