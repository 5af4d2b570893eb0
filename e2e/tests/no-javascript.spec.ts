import { expect, test } from "../support/fixtures.ts";
import { expectFieldError, expectFormError, submit, visit } from "../support/forms.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, OEA, signOut, uniqueEmail } from "../support/people.ts";

// Plain HTML forms: what someone on a weak phone or with scripts blocked gets.
test.use({ javaScriptEnabled: false });

test("sign-in works without JavaScript, and a wrong password keeps the typed email", async ({ page }) => {
  const { email } = DEMO_ACCOUNTS.member;
  await visit(page, "/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("not-the-password");
  const refused = await submit(page, page.getByRole("button", { name: "Sign in" }));
  expect(refused.status()).toBe(401);
  await expectFormError(page, "The email address or password is not right.");
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await expect(page.getByLabel("Password")).toHaveValue("");

  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await submit(page, page.getByRole("button", { name: "Sign in" }));
  await expect(page.getByRole("heading", { level: 1, name: "Your coalitions" })).toBeVisible();
  await expect(page.getByRole("link", { name: OEA.name })).toBeVisible();
  await signOut(page);
});

test("a bad registration without JavaScript shows every error and keeps what was typed", async ({ page }) => {
  const email = uniqueEmail("nojs");
  await visit(page, "/register");
  await page.getByLabel("Full name").fill("");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("short");
  const response = await submit(page, page.getByRole("button", { name: "Create account" }));
  expect(response.status()).toBe(400);
  await expectFieldError(page, "Full name", "Enter full name");
  await expectFieldError(page, "Password", "Password must be at least 8 characters");
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await expect(page.getByLabel("Email address")).not.toHaveAttribute("aria-invalid", "true");

  // The summary's links lead to the fields.
  await page.getByRole("link", { name: "Enter full name" }).click();
  await expect(page).toHaveURL(/#field-name$/);

  await page.getByLabel("Email address").fill("not-an-email");
  const again = await submit(page, page.getByRole("button", { name: "Create account" }));
  expect(again.status()).toBe(400);
  await expectFieldError(page, "Email address", "Enter an email address in the correct format, like name@example.org");
  await expect(page.getByLabel("Email address")).toHaveValue("not-an-email");
});
