import { expect, test } from "../support/fixtures.ts";
import { expectFormError, submit, visit } from "../support/forms.ts";
import { linkIn, waitForEmail } from "../support/mail.ts";
import { register, signIn, strongPassword, uniqueEmail } from "../support/people.ts";

test("a person resets a forgotten password from the emailed link, which then stops working", async ({ page }) => {
  const email = uniqueEmail("reset");
  const oldPassword = strongPassword();
  const newPassword = strongPassword();
  await register(page, { name: "Jun Dela Cruz", email, password: oldPassword });

  await visit(page, "/sign-in");
  await page.getByRole("link", { name: "Forgotten your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email address").fill(email);
  await submit(page, page.getByRole("button", { name: "Send reset link" }));
  await expect(page.getByRole("status")).toContainText(`If an account uses ${email}, a link to reset its password is on its way.`);

  const message = await waitForEmail(email, "Reset your Commons password");
  const link = linkIn(message, "/reset-password/");
  await visit(page, link);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password").fill(newPassword);
  await submit(page, page.getByRole("button", { name: "Save new password" }));
  await expect(page).toHaveURL(/\/sign-in\?reset=1$/);
  await expect(page.getByRole("status")).toContainText("Your password is changed");

  // The old password no longer opens the account.
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(oldPassword);
  const refused = await submit(page, page.getByRole("button", { name: "Sign in" }));
  expect(refused.status()).toBe(401);
  await expectFormError(page, "The email address or password is not right.");
  await expect(page.getByLabel("Email address")).toHaveValue(email);

  // The new one does (the reset also confirmed the address).
  await signIn(page, email, newPassword);
  await expect(page.getByRole("heading", { level: 1, name: "Your coalitions" })).toBeVisible();

  // The link was spent.
  const again = await page.context().newPage();
  await visit(again, link);
  await expect(again.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expect(again.getByRole("status")).toContainText("This link is not valid any more: it has expired or was already used.");
  await expect(again.getByLabel("New password")).toHaveCount(0);
  await again.close();
});
