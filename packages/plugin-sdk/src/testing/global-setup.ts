/**
 * Vitest globalSetup for module tests: one PostgreSQL server and one migrated template for
 * the run (each test file then gets its own database from useTestDatabase()). In a plugin's
 * vitest.config.ts: `globalSetup: ["@commons/plugin-sdk/testing/global-setup"]`.
 */
export { default } from "@commons/db/test-global-setup";
