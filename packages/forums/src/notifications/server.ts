import type { ModuleServer } from "@commons/plugin-sdk/server";
import { EVENTS } from "../constants.ts";
import type { settings } from "../settings.ts";
import { digestJob, onDigestDue } from "./digest.server.ts";
import { notificationEmails } from "./emails.ts";
import { onPostCreated, onPostEdited } from "./post-created.server.ts";
import { POST_EVENTS } from "../threads/events.ts";

/** The notifications area's part of the module's server entry: its subscribers, email templates and jobs. */
export const notificationsServer: Pick<ModuleServer<typeof settings>, "subscribers" | "emails" | "jobs"> = {
  subscribers: { [EVENTS.postCreated]: onPostCreated, [POST_EVENTS.postEdited]: onPostEdited, [EVENTS.digestDue]: onDigestDue },
  emails: notificationEmails,
  jobs: { digest: digestJob },
};
