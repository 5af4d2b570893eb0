import type { RouteDefinition } from "@commons/plugin-sdk";

/** The spaces area's routes (paths below /c/:tenant/forums/, files relative to the package). */
export const spacesRoutes: readonly RouteDefinition[] = [
  { path: "", file: "routes/spaces/index.tsx" },
  { path: "new", file: "routes/spaces/new.tsx" },
  { path: ":forumId/settings", file: "routes/spaces/settings.tsx" },
  { path: ":forumId/rules", file: "routes/spaces/rules.tsx" },
  { path: ":forumId/participants", file: "routes/spaces/participants.tsx" },
];
