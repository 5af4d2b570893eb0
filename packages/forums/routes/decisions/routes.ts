import type { RouteDefinition } from "@commons/plugin-sdk";

/** The decisions area's routes (paths below /c/:tenant/forums/, files relative to the package). */
export const decisionsRoutes: readonly RouteDefinition[] = [
  { path: ":forumId/proposals/new", file: "routes/decisions/proposal-new.tsx" },
  { path: ":forumId/proposals/:proposalId", file: "routes/decisions/proposal.tsx" },
  { path: ":forumId/meetings", file: "routes/decisions/meetings.tsx" },
  { path: ":forumId/meetings/new", file: "routes/decisions/meeting-new.tsx" },
  { path: ":forumId/meetings/:meetingId", file: "routes/decisions/meeting.tsx" },
  { path: ":forumId/meetings/:meetingId/edit", file: "routes/decisions/meeting-edit.tsx" },
  { path: ":forumId/meetings/:meetingId/minutes", file: "routes/decisions/minutes.tsx" },
  { path: ":forumId/meetings/:meetingId/calendar.ics", file: "routes/decisions/meeting-calendar.ts" },
  { path: ":forumId/record", file: "routes/decisions/record.tsx" },
];
