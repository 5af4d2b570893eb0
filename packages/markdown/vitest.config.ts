import { defineConfig } from "vitest/config";

// Pure functions: no database.
export default defineConfig({ test: { include: ["src/**/*.test.ts"] } });
