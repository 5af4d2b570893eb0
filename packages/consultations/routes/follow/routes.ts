import type { RouteDefinition } from "@commons/plugin-sdk";

/** The follow area's routes (paths below /c/:tenant/consultations/, files relative to the package). */
export const followRoutes: readonly RouteDefinition[] = [];
