import { expect, test } from "../support/fixtures.ts";
import { expireAccountTokens } from "../support/database.ts";
import { expectFieldError, expectFormError, submit, visit } from "../support/forms.ts";
import { linkIn, waitForEmail } from "../support/mail.ts";
import { DEMO_ACCOUNTS, OEA, register, strongPassword, uniqueEmail } from "../support/people.ts";

const INVALID_LINK = "This link is not valid any more: it has expired or was already used. Ask for a new one.";

test.describe("registration refuses bad input with a clear message", () => {
  test("empty fields", async ({ page }) => {
    await visit(page, "/register");
    const response = await submit(page, page.getByRole("button", { name: "Create account" }));
    expect(response.status()).toBe(400);
    await expectFieldError(page, "Full name", "Enter full name");
    await expectFieldError(page, "Email address", "Enter email address");
    await expectFieldError(page, "Password", "Enter password");
  });

  test("an invalid email, a too-short and a common password", async ({ page }) => {
    await visit(page, "/register");
    await page.getByLabel("Full name").fill("Test Person");
    await page.getByLabel("Email address").fill("someone@");
    await page.getByLabel("Password").fill("1234567");
    await submit(page, page.getByRole("button", { name: "Create account" }));
    await expectFieldError(page, "Email address", "Enter an email address in the correct format, like name@example.org");
    await expectFieldError(page, "Password", "Password must be at least 8 characters");
    await expect(page.getByLabel("Full name")).toHaveValue("Test Person");

    await page.getByLabel("Email address").fill(uniqueEmail("common"));
    await page.getByLabel("Password").fill("Password123");
    await submit(page, page.getByRole("button", { name: "Create account" }));
    await expectFieldError(page, "Password", "This password is too common. Choose one that is harder to guess.");
    await expect(page.getByLabel("Email address")).not.toHaveAttribute("aria-invalid", "true");
  });

  test("an email that already has an account", async ({ page }) => {
    await visit(page, "/register");
    await page.getByLabel("Full name").fill("Someone Else");
    // Case and spaces do not make a new address.
    await page.getByLabel("Email address").fill(`  ${DEMO_ACCOUNTS.staff.email.toUpperCase()} `);
    await page.getByLabel("Password").fill(strongPassword());
    await submit(page, page.getByRole("button", { name: "Create account" }));
    await expectFieldError(page, "Email address", "An account with this email address already exists. Sign in or reset your password.");
  });
});

test.describe("sign-in refuses bad input with a clear message", () => {
  test("empty fields", async ({ page }) => {
    await visit(page, "/sign-in");
    const response = await submit(page, page.getByRole("button", { name: "Sign in" }));
    expect(response.status()).toBe(400);
    await expectFieldError(page, "Email address", "Enter email address");
    await expectFieldError(page, "Password", "Enter password");
  });

  test("a wrong password and an unknown address get the same answer", async ({ page }) => {
    for (const email of [DEMO_ACCOUNTS.staff.email, uniqueEmail("nobody")]) {
      await visit(page, "/sign-in");
      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Password").fill("wrong-password-1");
      const response = await submit(page, page.getByRole("button", { name: "Sign in" }));
      expect(response.status()).toBe(401);
      await expectFormError(page, "The email address or password is not right.");
      await expect(page.getByLabel("Email address")).toHaveValue(email);
    }
  });

  test("an unconfirmed account is told to confirm and sent a new link", async ({ page }) => {
    const email = uniqueEmail("unconfirmed");
    const password = strongPassword();
    await register(page, { name: "Ana Unconfirmed", email, password });
    await waitForEmail(email, "Confirm your email address");
    await visit(page, "/sign-in");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(password);
    const response = await submit(page, page.getByRole("button", { name: "Sign in" }));
    expect(response.status()).toBe(403);
    await expectFormError(page, "Confirm your email address first: we have sent you a new link.");
    await waitForEmail(email, "Confirm your email address", { count: 2 });
  });
});

test.describe("password reset refuses bad input", () => {
  test("an invalid email; an unknown one gets the same answer as a known one", async ({ page }) => {
    await visit(page, "/forgot-password");
    await page.getByLabel("Email address").fill("not an email");
    const response = await submit(page, page.getByRole("button", { name: "Send reset link" }));
    expect(response.status()).toBe(400);
    await expectFieldError(page, "Email address", "Enter an email address in the correct format, like name@example.org");

    const unknown = uniqueEmail("unknown");
    await page.getByLabel("Email address").fill(unknown);
    await submit(page, page.getByRole("button", { name: "Send reset link" }));
    await expect(page.getByRole("status")).toHaveText(`If an account uses ${unknown}, a link to reset its password is on its way. It works for one hour.`);
  });

  test("a too-short new password keeps the link usable", async ({ page }) => {
    const email = uniqueEmail("short-reset");
    await register(page, { name: "Ben Short", email, password: strongPassword() });
    await visit(page, "/forgot-password");
    await page.getByLabel("Email address").fill(email);
    await submit(page, page.getByRole("button", { name: "Send reset link" }));
    const link = linkIn(await waitForEmail(email, "Reset your Commons password"), "/reset-password/");
    await visit(page, link);
    await page.getByLabel("New password").fill("abc");
    await submit(page, page.getByRole("button", { name: "Save new password" }));
    await expectFieldError(page, "New password", "Password must be at least 8 characters");
    await page.getByLabel("New password").fill(strongPassword());
    await submit(page, page.getByRole("button", { name: "Save new password" }));
    await expect(page).toHaveURL(/\/sign-in\?reset=1$/);
  });
});

test.describe("links that are made up, expired or already used", () => {
  test("made-up tokens", async ({ page }) => {
    for (const path of ["/verify-email/not-a-real-token", "/reset-password/not-a-real-token", `/c/${OEA.slug}/join/not-a-real-token`]) {
      await visit(page, path);
      await expect(page.getByRole("status"), path).toHaveText(INVALID_LINK);
    }
  });

  test("an expired reset link and an expired confirmation link", async ({ page }) => {
    const email = uniqueEmail("expired");
    await register(page, { name: "Cora Expired", email, password: strongPassword() });
    const confirm = linkIn(await waitForEmail(email, "Confirm your email address"), "/verify-email/");
    await visit(page, "/forgot-password");
    await page.getByLabel("Email address").fill(email);
    await submit(page, page.getByRole("button", { name: "Send reset link" }));
    const reset = linkIn(await waitForEmail(email, "Reset your Commons password"), "/reset-password/");

    expect(await expireAccountTokens(email, "EMAIL_VERIFICATION")).toBeGreaterThan(0);
    expect(await expireAccountTokens(email, "PASSWORD_RESET")).toBe(1);
    await visit(page, confirm);
    await expect(page.getByRole("status")).toHaveText(INVALID_LINK);
    await expect(page.getByRole("button", { name: "Confirm my email address" })).toHaveCount(0);
    await visit(page, reset);
    await expect(page.getByRole("status")).toHaveText(INVALID_LINK);
    await expect(page.getByLabel("New password")).toHaveCount(0);
  });

  test("a reset link that expires while its form is open", async ({ page }) => {
    const email = uniqueEmail("expiring");
    await register(page, { name: "Dan Expiring", email, password: strongPassword() });
    await visit(page, "/forgot-password");
    await page.getByLabel("Email address").fill(email);
    await submit(page, page.getByRole("button", { name: "Send reset link" }));
    const reset = linkIn(await waitForEmail(email, "Reset your Commons password"), "/reset-password/");
    await visit(page, reset);
    await page.getByLabel("New password").fill(strongPassword());
    await expireAccountTokens(email, "PASSWORD_RESET");
    const response = await submit(page, page.getByRole("button", { name: "Save new password" }));
    expect(response.status()).toBe(410);
    await expectFormError(page, INVALID_LINK);
  });

  test("a confirmation link used twice", async ({ page }) => {
    const email = uniqueEmail("twice");
    await register(page, { name: "Eva Twice", email, password: strongPassword() });
    const confirm = linkIn(await waitForEmail(email, "Confirm your email address"), "/verify-email/");
    await visit(page, confirm);
    await submit(page, page.getByRole("button", { name: "Confirm my email address" }));
    await expect(page).toHaveURL(/\/sign-in\?verified=1$/);
    await visit(page, confirm);
    await expect(page.getByRole("status")).toHaveText(INVALID_LINK);
  });
});
