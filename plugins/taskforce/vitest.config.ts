import { defineConfig } from "vitest/config";

// Integration tests against real PostgreSQL: one migrated template, a database per file.
export default defineConfig({
  test: { include: ["test/**/*.test.ts"], globalSetup: ["../../packages/db/src/test-global-setup.ts"], testTimeout: 30_000, hookTimeout: 60_000 },
});
