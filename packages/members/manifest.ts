import { definePlugin } from "@commons/plugin-sdk";
import { applicationsRoutes } from "./routes/applications/routes.ts";
import { directoryRoutes } from "./routes/directory/routes.ts";
import { importRoutes } from "./routes/import/routes.ts";
import { peopleRoutes } from "./routes/people/routes.ts";
import { EVENTS, MODULE_ID, PERMISSIONS } from "./src/constants.ts";
import { en } from "./src/messages.ts";
import { settings } from "./src/settings.ts";

export { EVENTS, PERMISSIONS } from "./src/constants.ts";
export { settings } from "./src/settings.ts";

/**
 * The members module: a core module (always on) written on the same contract as plugins.
 * Organisations, memberships and invitations are core tables; this module adds the
 * directory, profiles, applications, membership status, roles, import and export.
 */
const members = definePlugin(import.meta.url, {
  id: MODULE_ID,
  name: "Members",
  description: "The member directory and organisation profiles, membership applications, invitations, roles and status, spreadsheet import and export.",
  version: "0.1.0",
  portal: "^0.1.0",
  core: true,
  routes: [...directoryRoutes, ...applicationsRoutes, ...importRoutes, ...peopleRoutes],
  navigation: [
    { label: "members.nav.directory", path: "", permission: PERMISSIONS.directory },
    { label: "members.nav.people", path: "people", permission: PERMISSIONS.manage },
    { label: "members.nav.applications", path: "applications", permission: PERMISSIONS.manage },
    { label: "members.nav.me", path: "me" },
  ],
  permissions: {
    [PERMISSIONS.directory]: { description: en["members.permission.directory"], roles: ["SECRETARIAT_ADMIN", "SECRETARIAT_STAFF", "FOCAL_POINT", "MEMBER"] },
    [PERMISSIONS.manage]: { description: en["members.permission.manage"], roles: ["SECRETARIAT_ADMIN", "SECRETARIAT_STAFF"] },
    [PERMISSIONS.ownOrganisation]: { description: en["members.permission.ownOrganisation"], roles: ["FOCAL_POINT"] },
  },
  settings,
  events: {
    emits: [EVENTS.applicationSubmitted, EVENTS.applicationInfoRequested, EVENTS.applicationRejected, EVENTS.applicationApproved, EVENTS.statusChanged, EVENTS.organisationAdmitted],
    subscribes: [EVENTS.applicationSubmitted, EVENTS.applicationInfoRequested, EVENTS.applicationRejected, EVENTS.applicationApproved, EVENTS.statusChanged],
  },
  schema: "prisma/members.prisma",
  messages: { en },
  server: () => import("./server.ts"),
});

export default members;
