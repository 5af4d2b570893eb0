import { expect, test } from "../support/fixtures.ts";
import { visit } from "../support/forms.ts";
import { DEMO_ACCOUNTS, MMCP, OEA, signIn } from "../support/people.ts";
import type { Page } from "@playwright/test";

async function expectNotFound(page: Page, path: string) {
  const response = await visit(page, path);
  expect(response.status(), path).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  // Nothing of the other coalition's private pages leaks into the answer.
  await expect(page.getByRole("table")).toHaveCount(0);
  await expect(page.getByText("Your role:")).toHaveCount(0);
}

test("the admin of one coalition gets 404 on another coalition's private pages", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.admin.email);
  await expectNotFound(page, `/c/${MMCP.slug}/home`);
  await expectNotFound(page, `/c/${MMCP.slug}/admin/activity`);
  await expectNotFound(page, `/c/${MMCP.slug}/admin/invitations`);
  // Their own coalition's record is there.
  await visit(page, `/c/${OEA.slug}/admin/activity`);
  await expect(page.getByRole("heading", { level: 1, name: "Activity record" })).toBeVisible();
});

test("a stakeholder gets 404 on the secretariat's pages of their own coalition", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.governmentStakeholder.email);
  await visit(page, `/c/${OEA.slug}/home`);
  await expect(page.getByText("Your role: Stakeholder")).toBeVisible();
  await expect(page.getByRole("link", { name: "Activity record" })).toHaveCount(0);
  await expectNotFound(page, `/c/${OEA.slug}/admin/activity`);
  await expectNotFound(page, `/c/${OEA.slug}/admin/invitations`);
});

test("signed out, a coalition's private page asks to sign in first", async ({ page }) => {
  await visit(page, `/c/${OEA.slug}/home`);
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?redirectTo=${encodeURIComponent(`/c/${OEA.slug}/home`)}$`));
  await page.getByLabel("Email address").fill(DEMO_ACCOUNTS.member.email);
  await page.getByLabel("Password").fill("commons-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/c/${OEA.slug}/home$`));
  await expect(page.getByText("Your role: Member")).toBeVisible();
});

test("a person in two coalitions sees both and switches between them", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.focalPoint.email);
  await visit(page, "/");
  await expect(page.getByRole("heading", { level: 1, name: "Your coalitions" })).toBeVisible();
  const mine = page.getByRole("main").getByRole("listitem");
  await expect(mine).toHaveCount(2);
  await expect(mine.filter({ hasText: OEA.name })).toContainText("Focal point");
  await expect(mine.filter({ hasText: MMCP.name })).toContainText("Member");

  await page.getByRole("link", { name: OEA.name }).click();
  await expect(page).toHaveURL(new RegExp(`/c/${OEA.slug}/home$`));
  await expect(page.getByRole("heading", { level: 1, name: OEA.name })).toBeVisible();
  await expect(page.getByText("Your role: Focal point")).toBeVisible();

  await page.getByRole("link", { name: "Switch coalition" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole("link", { name: MMCP.name }).click();
  await expect(page).toHaveURL(new RegExp(`/c/${MMCP.slug}/home$`));
  await expect(page.getByRole("heading", { level: 1, name: MMCP.name })).toBeVisible();
  await expect(page.getByText("Your role: Member")).toBeVisible();
});
