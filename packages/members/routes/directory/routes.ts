import type { RouteDefinition } from "@commons/plugin-sdk";

/** The directory pages' routes (paths below /c/:tenant/members/, files relative to the package). */
export const directoryRoutes: readonly RouteDefinition[] = [
  { path: "", file: "routes/directory/directory.tsx" },
  { path: "export", file: "routes/directory/export.tsx" },
  { path: "organisations/:organisationId", file: "routes/directory/organisation.tsx" },
  { path: "organisations/:organisationId/edit", file: "routes/directory/edit.tsx" },
  { path: "organisations/:organisationId/logo", file: "routes/directory/logo.tsx" },
];
