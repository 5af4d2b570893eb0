import { defineConfig } from "vitest/config";

// Manifest checks are pure: no database.
export default defineConfig({ test: { include: ["src/**/*.test.ts"] } });
