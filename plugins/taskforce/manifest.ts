import { z } from "zod";
import { definePlugin } from "@commons/plugin-sdk";
import { EVENTS, JOBS, MODULE_ID, PERMISSIONS, VIEWER_ROLES } from "./src/constants.ts";
import { en } from "./src/messages.ts";

/** Per-coalition settings; every field has a default so the module can be switched on at once. */
export const settings = z.object({
  /** Published outputs are listed for every member on the taskforces page (and the event says so). */
  publishToAllMembers: z.boolean().default(true),
  /** Days before a deliverable's due date its Responsible and Accountable people are emailed; 0 switches reminders off. */
  reminderDaysBefore: z.number().int().min(0).max(60).default(3),
});

export { EVENTS, PERMISSIONS } from "./src/constants.ts";

const taskforce = definePlugin(import.meta.url, {
  id: MODULE_ID,
  name: "Taskforces",
  description: "Working groups with a mandate and members; deliverables with a RACI matrix, tasks on a board, meeting notes, and outputs published to the coalition.",
  version: "0.1.0",
  portal: "^0.1.0",
  routes: [
    { path: "", file: "routes/taskforces.tsx" },
    { path: ":taskforceId", file: "routes/taskforce.tsx" },
    { path: "deliverables/:deliverableId", file: "routes/deliverable.tsx" },
  ],
  navigation: [{ label: "taskforce.nav.taskforces", path: "", permission: PERMISSIONS.view }],
  permissions: {
    [PERMISSIONS.view]: { description: en["taskforce.permission.view"], roles: VIEWER_ROLES },
    [PERMISSIONS.manage]: { description: en["taskforce.permission.manage"], roles: ["SECRETARIAT_ADMIN", "SECRETARIAT_STAFF"] },
    [PERMISSIONS.contribute]: { description: en["taskforce.permission.contribute"], roles: ["FOCAL_POINT", "MEMBER"] },
  },
  settings,
  events: {
    emits: [EVENTS.deliverablePublished, EVENTS.deliverableStatusChanged, EVENTS.deliverableDueSoon],
    subscribes: [EVENTS.deliverableStatusChanged, EVENTS.deliverablePublished, EVENTS.deliverableDueSoon],
  },
  jobs: {
    [JOBS.dueSoon]: { description: "Reminds the people Responsible and Accountable of deliverables due within the coalition's reminder days", cron: "0 6 * * *" },
  },
  server: () => import("./server.ts"),
  schema: "prisma/taskforce.prisma",
  messages: { en },
});

export default taskforce;
