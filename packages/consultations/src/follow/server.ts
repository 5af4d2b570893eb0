import type { ModuleServer } from "@commons/plugin-sdk/server";
import type { settings } from "../settings.ts";

/** The follow area's part of the module's server entry: its subscribers, email templates and jobs. */
export const followServer: Pick<ModuleServer<typeof settings>, "subscribers" | "emails" | "jobs"> = {
  subscribers: {},
  emails: {},
  jobs: {},
};
