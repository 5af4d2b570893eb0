import { definePlugin } from "@commons/plugin-sdk";
import { answeringRoutes } from "./routes/answering/routes.ts";
import { draftingRoutes } from "./routes/drafting/routes.ts";
import { followRoutes } from "./routes/follow/routes.ts";
import { EVENTS, JOBS, MODULE_ID, PERMISSIONS } from "./src/constants.ts";
import { en } from "./src/messages.ts";
import { settings } from "./src/settings.ts";

export { EVENTS, PERMISSIONS } from "./src/constants.ts";
export { settings } from "./src/settings.ts";

/**
 * The consultations module: a core module on the plugin contract. The secretariat drafts a
 * consultation, chooses its audience and opens it; member organisations answer (a draft kept
 * on the server, then a submission they can edit until the deadline); reminders and closing
 * run as scheduled jobs; results and the "you said, we did" statement close the loop.
 */
const consultations = definePlugin(import.meta.url, {
  id: MODULE_ID,
  name: "Consultations",
  description: "Ask the member organisations, remind them, publish the results and what was done with them.",
  version: "0.1.0",
  portal: "^0.1.0",
  core: true,
  routes: [...draftingRoutes, ...answeringRoutes, ...followRoutes],
  navigation: [{ label: "consultations.nav.consultations", path: "", permission: PERMISSIONS.takePart }],
  permissions: {
    [PERMISSIONS.manage]: { description: en["consultations.permission.manage"], roles: ["SECRETARIAT_ADMIN", "SECRETARIAT_STAFF"] },
    [PERMISSIONS.takePart]: { description: en["consultations.permission.takePart"], roles: ["SECRETARIAT_ADMIN", "SECRETARIAT_STAFF", "FOCAL_POINT", "MEMBER"] },
  },
  settings,
  events: {
    emits: [EVENTS.opened, EVENTS.closed, EVENTS.reminderDue],
    subscribes: [EVENTS.opened, EVENTS.reminderDue, EVENTS.closed],
  },
  jobs: { [JOBS.tick]: { description: "Opens scheduled consultations, sends the reminders that have come due and closes those past their deadline", cron: "*/10 * * * *" } },
  schema: "prisma/consultations.prisma",
  messages: { en },
  server: () => import("./server.ts"),
});

export default consultations;
