import { defineConfig } from "vitest/config";

// No database here: pure functions.
export default defineConfig({ test: { include: ["src/**/*.test.ts"] } });
