import type { ModuleServer } from "@commons/plugin-sdk/server";
import { EVENTS } from "../constants.ts";
import type { settings } from "../settings.ts";
import { digestJob, onDigestDue } from "./digest.server.ts";
import { notificationEmails } from "./emails.ts";
import { onPostCreated } from "./post-created.server.ts";

/** The notifications area's part of the module's server entry: its subscribers, email templates and jobs. */
export const notificationsServer: Pick<ModuleServer<typeof settings>, "subscribers" | "emails" | "jobs"> = {
  subscribers: { [EVENTS.postCreated]: onPostCreated, [EVENTS.digestDue]: onDigestDue },
  emails: notificationEmails,
  jobs: { digest: digestJob },
};
