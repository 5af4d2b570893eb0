import { expect, test } from "../support/fixtures.ts";
import { expectFormError, visit } from "../support/forms.ts";
import { DEMO_ACCOUNTS, OEA, signIn } from "../support/people.ts";

test("a failed sign-in of a secretariat admin is written to their coalition's activity record", async ({ page }) => {
  await visit(page, "/sign-in");
  await page.getByLabel("Email address").fill(DEMO_ACCOUNTS.admin.email);
  await page.getByLabel("Password").fill("not-the-right-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectFormError(page, "The email address or password is not right.");

  await signIn(page, DEMO_ACCOUNTS.admin.email);
  await visit(page, `/c/${OEA.slug}/admin/activity`);
  const row = page.getByRole("row").filter({ hasText: `Failed sign-in for ${DEMO_ACCOUNTS.admin.email}` }).first();
  await expect(row).toBeVisible();
  // Nobody was signed in when it happened: the record says so rather than naming someone.
  await expect(row).toContainText("System");
  await expect(page.getByRole("row").filter({ hasText: "Coalition created" })).toHaveCount(1);
});
