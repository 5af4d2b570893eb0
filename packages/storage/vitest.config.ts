import { defineConfig } from "vitest/config";

// No database here: a temporary folder per test.
export default defineConfig({ test: { include: ["src/**/*.test.ts"] } });
