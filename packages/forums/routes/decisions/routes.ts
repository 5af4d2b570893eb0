import type { RouteDefinition } from "@commons/plugin-sdk";

/** The decisions area's routes (paths below /c/:tenant/forums/, files relative to the package). */
export const decisionsRoutes: readonly RouteDefinition[] = [
  { path: ":forumId/proposals/new", file: "routes/decisions/proposal-new.tsx" },
  { path: ":forumId/proposals/:proposalId", file: "routes/decisions/proposal.tsx" },
];
