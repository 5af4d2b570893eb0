import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests against the built portal, the worker, real PostgreSQL and a loopback
 * SMTP server, all started by support/global-setup.ts. Chromium comes from Debian
 * (STACK.md, "Browsers"): Playwright cannot download browsers here.
 */
export default defineConfig({
  testDir: "./tests",
  outputDir: "./test-results",
  globalSetup: "./support/global-setup.ts",
  // Two cores: the portal, the worker and PostgreSQL need one of them.
  workers: 2,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  // Generous: a test walks through several pages, each checked by axe, on a busy 2-core machine.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    ...devices["Desktop Chrome"],
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium" }],
});
