import type { RouteDefinition } from "@commons/plugin-sdk";

/** The drafting area's routes (paths below /c/:tenant/consultations/, files relative to the package). */
export const draftingRoutes: readonly RouteDefinition[] = [];
