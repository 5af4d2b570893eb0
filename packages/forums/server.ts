import { defineModuleServer } from "@commons/plugin-sdk/server";
import forums from "./manifest.ts";
import { threadsServer } from "./src/threads/server.ts";
import { spacesServer } from "./src/spaces/server.ts";
import { decisionsServer } from "./src/decisions/server.ts";
import { notificationsServer } from "./src/notifications/server.ts";
import { seedForums } from "./src/seed.server.ts";

/** The forums module's server entry: each area brings its subscribers, email templates and jobs. */
export default defineModuleServer(forums, {
  subscribers: { ...spacesServer.subscribers, ...threadsServer.subscribers, ...decisionsServer.subscribers, ...notificationsServer.subscribers },
  emails: { ...spacesServer.emails, ...threadsServer.emails, ...decisionsServer.emails, ...notificationsServer.emails },
  jobs: { ...spacesServer.jobs, ...threadsServer.jobs, ...decisionsServer.jobs, ...notificationsServer.jobs },
  seed: seedForums,
});
