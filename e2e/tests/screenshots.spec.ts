import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures.ts";
import { submit, visit } from "../support/forms.ts";
import { DEMO_ACCOUNTS, OEA, signIn, signOut } from "../support/people.ts";
import { screenshotsWanted, shoot } from "../support/screenshots.ts";

// Full-page pictures of the main pages, for a person to look at (git-ignored); every page
// is checked by axe on the way, pictures or not.
const shootPage = (page: Page, name: string) => shoot(page, name, { phone: false });

// Without pictures (CI), the walk adds nothing: every page on it is visited, and checked by
// axe, by the specs that test it.
test.skip(!screenshotsWanted, "screenshots are off (E2E_SCREENSHOTS=0)");

test("screenshots of the main pages", async ({ page }) => {
  await visit(page, "/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shootPage(page, "01-landing");

  await visit(page, "/sign-in");
  await page.getByLabel("Email address").fill("someone@");
  await submit(page, page.getByRole("button", { name: "Sign in" }));
  await expect(page.getByRole("alert")).toBeVisible();
  await shootPage(page, "02-sign-in-errors");

  await signIn(page, DEMO_ACCOUNTS.admin.email);
  await shootPage(page, "03-your-coalitions");
  await visit(page, `/c/${OEA.slug}/home`);
  await expect(page.getByText("Your role: Secretariat admin")).toBeVisible();
  await shootPage(page, "04-coalition-home");
  await visit(page, `/c/${OEA.slug}/admin/activity`);
  await expect(page.getByRole("table")).toBeVisible();
  await shootPage(page, "05-activity-record");
  await visit(page, `/c/${OEA.slug}/admin/invitations`);
  await expect(page.getByRole("heading", { level: 1, name: "Invitations" })).toBeVisible();
  await shootPage(page, "06-invitations");
  await visit(page, `/c/${OEA.slug}/admin/modules`);
  await expect(page.getByRole("heading", { level: 1, name: "Modules and plugins" })).toBeVisible();
  await shootPage(page, "09-plugins");
  // Another test may be switching the plugin at the same time: only look if it is on.
  const taskforces = await page.goto(`/c/${OEA.slug}/taskforce`);
  if (taskforces?.status() === 200) await shootPage(page, "10-taskforces");
  await visit(page, `/c/${OEA.slug}`);
  await shootPage(page, "07-coalition-public");
  await signOut(page);

  await signIn(page, DEMO_ACCOUNTS.operator.email);
  await visit(page, "/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Platform administration" })).toBeVisible();
  await shootPage(page, "08-platform-admin");
});
