import type { RouteDefinition } from "@commons/plugin-sdk";

/** The follow area's routes (paths below /c/:tenant/consultations/, files relative to the package). */
export const followRoutes: readonly RouteDefinition[] = [
  { path: ":consultationId/follow", file: "routes/follow/follow.tsx" },
  { path: ":consultationId/remind", file: "routes/follow/remind.tsx" },
  { path: ":consultationId/close", file: "routes/follow/close.tsx" },
  { path: ":consultationId/results", file: "routes/follow/results.tsx" },
  { path: ":consultationId/export.csv", file: "routes/follow/export-csv.tsx" },
  { path: ":consultationId/export.xlsx", file: "routes/follow/export-xlsx.tsx" },
  { path: ":consultationId/statement", file: "routes/follow/statement.tsx" },
];
