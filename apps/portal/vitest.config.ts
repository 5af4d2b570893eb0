import { defineConfig } from "vitest/config";

// Separate from vite.config.ts: the Remix plugin must not run under vitest.
export default defineConfig({
  test: { globalSetup: ["../../packages/db/src/test-global-setup.ts"], testTimeout: 30_000, hookTimeout: 60_000, include: ["app/**/*.test.ts", "scripts/**/*.test.ts", "*.test.ts"] },
});
