import type { RouteDefinition } from "@commons/plugin-sdk";

/** The notifications area's routes (paths below /c/:tenant/forums/, files relative to the package). */
export const notificationsRoutes: readonly RouteDefinition[] = [
  { path: "notifications", file: "routes/notifications/preferences.tsx" },
  { path: "unsubscribe", file: "routes/notifications/unsubscribe.tsx" },
  { path: ":forumId/notifications", file: "routes/notifications/forum-level.tsx" },
  { path: ":forumId/threads/:threadId/notifications", file: "routes/notifications/thread-level.tsx" },
];
