import { definePlugin } from "@commons/plugin-sdk";
import { decisionsRoutes } from "./routes/decisions/routes.ts";
import { notificationsRoutes } from "./routes/notifications/routes.ts";
import { spacesRoutes } from "./routes/spaces/routes.ts";
import { threadsRoutes } from "./routes/threads/routes.ts";
import { MODERATION_EVENTS, POST_EVENTS } from "./src/threads/events.ts";
import { SPACES_EVENTS } from "./src/spaces/events.ts";
import { EVENTS, MODULE_ID, PERMISSIONS } from "./src/constants.ts";
import { en } from "./src/messages.ts";
import { settings } from "./src/settings.ts";

export { EVENTS, PERMISSIONS } from "./src/constants.ts";
export { settings } from "./src/settings.ts";

/**
 * The forums module: a core module on the plugin contract. Multi-stakeholder spaces with
 * agreed rules, where member organisations, their people and invited stakeholders discuss,
 * meet and decide by a rule declared up front; the decision log and minutes can be public.
 */
const forums = definePlugin(import.meta.url, {
  id: MODULE_ID,
  name: "Forums",
  description: "Multi-stakeholder spaces with agreed rules: threads, meetings with minutes, proposals voted by a declared rule, a public decision log.",
  version: "0.1.0",
  portal: "^0.1.0",
  core: true,
  routes: [...spacesRoutes, ...threadsRoutes, ...decisionsRoutes, ...notificationsRoutes],
  navigation: [{ label: "forums.nav.forums", path: "", permission: PERMISSIONS.takePart }],
  permissions: {
    [PERMISSIONS.manage]: { description: en["forums.permission.manage"], roles: ["SECRETARIAT_ADMIN", "SECRETARIAT_STAFF"] },
    [PERMISSIONS.takePart]: { description: en["forums.permission.takePart"], roles: ["SECRETARIAT_ADMIN", "SECRETARIAT_STAFF", "FOCAL_POINT", "MEMBER", "STAKEHOLDER"] },
  },
  settings,
  events: {
    emits: [EVENTS.postCreated, POST_EVENTS.postEdited, EVENTS.decisionRecorded, EVENTS.digestDue, MODERATION_EVENTS.postHidden, MODERATION_EVENTS.postRestored, SPACES_EVENTS.participantRemoved, SPACES_EVENTS.participantsAdded, SPACES_EVENTS.stakeholderInvited],
    subscribes: [EVENTS.postCreated, POST_EVENTS.postEdited, EVENTS.digestDue, MODERATION_EVENTS.postHidden, MODERATION_EVENTS.postRestored, EVENTS.decisionRecorded, SPACES_EVENTS.participantRemoved, SPACES_EVENTS.participantsAdded, SPACES_EVENTS.stakeholderInvited, "person.joined"],
  },
  jobs: {
    digest: { description: "Emails each person's daily or weekly forums digest when it is due", cron: "0 6 * * *" },
    "close-votes": { description: "Decides proposals whose voting window has closed, by the rule they were tabled with", cron: "*/5 * * * *" },
  },
  schema: "prisma/forums.prisma",
  messages: { en },
  server: () => import("./server.ts"),
});

export default forums;
