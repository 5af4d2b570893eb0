import type { RouteDefinition } from "@commons/plugin-sdk";

/** The applications pages' routes (paths below /c/:tenant/members/, files relative to the package). */
export const applicationsRoutes: readonly RouteDefinition[] = [
  { path: "apply", file: "routes/applications/apply.tsx" },
  { path: "apply/received", file: "routes/applications/received.tsx" },
  { path: "apply/:token", file: "routes/applications/respond.tsx" },
  { path: "applications", file: "routes/applications/applications.tsx" },
  { path: "applications/:applicationId", file: "routes/applications/application.tsx" },
];
