import type { ModuleServer } from "@commons/plugin-sdk/server";
import type { settings } from "../settings.ts";

/** The people area's part of the module's server entry: its subscribers and email templates. */
export const peopleServer: Pick<ModuleServer<typeof settings>, "subscribers" | "emails"> = {};
