import type { RouteDefinition } from "@commons/plugin-sdk";

/** The threads area's routes (paths below /c/:tenant/forums/, files relative to the package). */
export const threadsRoutes: readonly RouteDefinition[] = [
  { path: ":forumId", file: "routes/threads/forum.tsx" },
  { path: ":forumId/threads/new", file: "routes/threads/new-thread.tsx" },
  { path: ":forumId/threads/:threadId", file: "routes/threads/thread.tsx" },
  { path: ":forumId/posts/:postId/edit", file: "routes/threads/edit-post.tsx" },
  { path: ":forumId/posts/:postId/history", file: "routes/threads/history.tsx" },
  { path: ":forumId/posts/:postId/flag", file: "routes/threads/flag.tsx" },
  { path: ":forumId/posts/:postId/hide", file: "routes/threads/hide.tsx" },
  { path: ":forumId/flags", file: "routes/threads/flags.tsx" },
  { path: ":forumId/attachments/:attachmentId", file: "routes/threads/attachment.ts" },
];
