import type { ModuleServer } from "@commons/plugin-sdk/server";
import type { settings } from "../settings.ts";

/** The threads area's part of the module's server entry: its subscribers, email templates and jobs. */
export const threadsServer: Pick<ModuleServer<typeof settings>, "subscribers" | "emails" | "jobs"> = {
  subscribers: {},
  emails: {},
  jobs: {},
};
