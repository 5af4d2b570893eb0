import type { ModuleServer } from "@commons/plugin-sdk/server";
import type { settings } from "../settings.ts";

/** The applications area's part of the module's server entry: its subscribers and email templates. */
export const applicationsServer: Pick<ModuleServer<typeof settings>, "subscribers" | "emails"> = {};
