import type { RouteDefinition } from "@commons/plugin-sdk";

/** The import pages' routes (paths below /c/:tenant/members/, files relative to the package). */
export const importRoutes: readonly RouteDefinition[] = [
  { path: "import", file: "routes/import/import.tsx" },
  { path: "import/:importId", file: "routes/import/preview.tsx" },
];
