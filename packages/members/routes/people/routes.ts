import type { RouteDefinition } from "@commons/plugin-sdk";

/** The people pages' routes (paths below /c/:tenant/members/, files relative to the package). */
export const peopleRoutes: readonly RouteDefinition[] = [
  { path: "people", file: "routes/people/people.tsx" },
  { path: "people/:userId", file: "routes/people/person.tsx" },
  { path: "organisations/:organisationId/status", file: "routes/people/status.tsx" },
  { path: "organisations/:organisationId/invite", file: "routes/people/invite.tsx" },
  { path: "me", file: "routes/people/me.tsx" },
  { path: "me/data.json", file: "routes/people/my-data.ts" },
];
