import { expect, test } from "../support/fixtures.ts";
import { linkIn, waitForEmail } from "../support/mail.ts";
import { signIn, signOut, strongPassword, uniqueEmail } from "../support/people.ts";

test("a new person registers, confirms the address from the email, signs in and out", async ({ page }) => {
  const email = uniqueEmail("register");
  const password = strongPassword();

  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();
  await page.getByLabel("Full name").fill("Maria Santos");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(`We sent a link to ${email}`);

  const message = await waitForEmail(email, "Confirm your email address");
  expect(message.text).toContain("Hello Maria Santos");
  await page.goto(linkIn(message, "/verify-email/"));
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your email address" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page).toHaveURL(/\/sign-in\?verified=1$/);
  await expect(page.getByRole("status")).toContainText("Your email address is confirmed. You can sign in now.");

  await signIn(page, email, password);
  await expect(page.getByRole("heading", { level: 1, name: "Your coalitions" })).toBeVisible();
  await expect(page.getByText("You do not belong to any coalition yet.")).toBeVisible();

  await signOut(page);
  await expect(page).toHaveURL(/\/\?signedOut=1$/);
  await expect(page.getByRole("heading", { level: 1, name: "Coordinate your coalition in the open" })).toBeVisible();
});
