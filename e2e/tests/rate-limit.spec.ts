import { expect, test } from "../support/fixtures.ts";
import { expectFormError, submit, visit } from "../support/forms.ts";
import { uniqueEmail } from "../support/people.ts";

test("ten failed sign-ins for one address stop further tries for a while, with a clear message", async ({ page }) => {
  const email = uniqueEmail("limited");
  await visit(page, "/sign-in");
  for (let attempt = 1; attempt <= 10; attempt++) {
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(`wrong-password-${attempt}`);
    const response = await submit(page, page.getByRole("button", { name: "Sign in" }));
    expect(response.status()).toBe(401);
    await expectFormError(page, "The email address or password is not right.");
  }
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("wrong-password-11");
  const limited = await submit(page, page.getByRole("button", { name: "Sign in" }));
  expect(limited.status()).toBe(429);
  await expectFormError(page, "Too many attempts. Wait 15 minutes and try again, or reset your password.");
  // The typed address stays in the form.
  await expect(page.getByLabel("Email address")).toHaveValue(email);
});
