import type { TestProject } from "vitest/node";
import { prepareTemplate, startTestServer } from "./testing.server.ts";

/** Vitest globalSetup shared by every workspace: one server, one migrated template. */
export default async function setup(project: TestProject) {
  const { serverUrl, stop } = await startTestServer();
  project.provide("databaseServerUrl", serverUrl);
  project.provide("databaseTemplate", await prepareTemplate(serverUrl));
  return stop;
}
