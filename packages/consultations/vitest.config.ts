import { defineConfig } from "vitest/config";

// Integration tests through the SDK's harness: one PostgreSQL server and migrated template
// for the run, a database per test file.
export default defineConfig({
  test: { include: ["test/**/*.test.ts"], globalSetup: ["@commons/plugin-sdk/testing/global-setup"], testTimeout: 30_000, hookTimeout: 60_000 },
});
