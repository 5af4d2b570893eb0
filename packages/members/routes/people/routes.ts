import type { RouteDefinition } from "@commons/plugin-sdk";

/** The people pages' routes (paths below /c/:tenant/members/, files relative to the package). */
export const peopleRoutes: readonly RouteDefinition[] = [];
