import { defineModuleServer } from "@commons/plugin-sdk/server";
import consultations from "./manifest.ts";
import { answeringServer } from "./src/answering/server.ts";
import { draftingServer } from "./src/drafting/server.ts";
import { followServer } from "./src/follow/server.ts";
import { seedDemo } from "./src/seed.server.ts";

/** The consultations module's server entry: each area brings its subscribers, email templates and jobs. */
export default defineModuleServer(consultations, {
  subscribers: { ...draftingServer.subscribers, ...answeringServer.subscribers, ...followServer.subscribers },
  emails: { ...draftingServer.emails, ...answeringServer.emails, ...followServer.emails },
  jobs: { ...draftingServer.jobs, ...answeringServer.jobs, ...followServer.jobs },
  seed: seedDemo,
});
