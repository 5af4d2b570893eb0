import type { RouteDefinition } from "@commons/plugin-sdk";

/** The directory pages' routes (paths below /c/:tenant/members/, files relative to the package). */
export const directoryRoutes: readonly RouteDefinition[] = [
  { path: "", file: "routes/directory/directory.tsx" },
];
