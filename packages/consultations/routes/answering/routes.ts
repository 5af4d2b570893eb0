import type { RouteDefinition } from "@commons/plugin-sdk";

/** The answering area's routes (paths below /c/:tenant/consultations/, files relative to the package). */
export const answeringRoutes: readonly RouteDefinition[] = [];
