import type { RouteDefinition } from "@commons/plugin-sdk";

/** The answering area's routes (paths below /c/:tenant/consultations/, files relative to the package). */
export const answeringRoutes: readonly RouteDefinition[] = [
  { path: ":consultationId", file: "routes/answering/answer.tsx" },
  { path: ":consultationId/receipt", file: "routes/answering/receipt.tsx" },
];
