import { defineConfig } from "vitest/config";

// Manifest checks are pure; the testing harness's own tests run on a real database.
export default defineConfig({
  test: { include: ["src/**/*.test.ts"], globalSetup: ["./src/testing/global-setup.ts"], testTimeout: 30_000, hookTimeout: 60_000 },
});
