import { defineModuleServer } from "@commons/plugin-sdk/server";
import members from "./manifest.ts";
import { applicationsServer } from "./src/applications/server.ts";
import { peopleServer } from "./src/people/server.ts";

/** The members module's server entry: each area brings its subscribers and email templates. */
export default defineModuleServer(members, {
  subscribers: { ...applicationsServer.subscribers, ...peopleServer.subscribers },
  emails: { ...applicationsServer.emails, ...peopleServer.emails },
});
