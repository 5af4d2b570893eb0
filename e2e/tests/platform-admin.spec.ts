import { expect, test } from "../support/fixtures.ts";
import { expectFieldError, submit, visit } from "../support/forms.ts";
import { linkIn, waitForEmail } from "../support/mail.ts";
import { DEMO_ACCOUNTS, OEA, signIn, uniqueEmail } from "../support/people.ts";

test("a platform operator creates a coalition and its first admin is emailed an invitation", async ({ page, newVisitor }) => {
  const suffix = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const name = `Visayas Fisherfolk Network ${suffix}`;
  const slug = `visayas-${suffix}`;
  const adminEmail = uniqueEmail("first-admin");

  await signIn(page, DEMO_ACCOUNTS.operator.email);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Platform administration" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Platform administration" })).toBeVisible();

  // A taken web address and a malformed one are refused first.
  await page.getByLabel("Coalition name").fill(name);
  await page.getByLabel("Web address").fill(OEA.slug);
  await page.getByLabel("Email of its first secretariat admin").fill(adminEmail);
  await submit(page, page.getByRole("button", { name: "Create coalition" }));
  await expectFieldError(page, "Web address", "This web address is already used by another coalition.");
  await expect(page.getByLabel("Coalition name")).toHaveValue(name);
  await page.getByLabel("Web address").fill("Not A Slug!");
  await submit(page, page.getByRole("button", { name: "Create coalition" }));
  await expectFieldError(page, "Web address", "Use lowercase letters, numbers and hyphens only, 3 to 40 characters");

  await page.getByLabel("Web address").fill(slug);
  await submit(page, page.getByRole("button", { name: "Create coalition" }));
  await expect(page.getByRole("status")).toHaveText(`Coalition ${name} created. An invitation went to ${adminEmail}.`);
  await expect(page.getByRole("link", { name })).toHaveAttribute("href", `/c/${slug}`);

  const message = await waitForEmail(adminEmail, `You are invited to join ${name} on Commons`);
  expect(message.text).toContain(`${DEMO_ACCOUNTS.operator.name} invites you to join ${name} as Secretariat admin.`);
  const invitee = await newVisitor();
  await visit(invitee, linkIn(message, `/c/${slug}/join/`));
  await expect(invitee.getByRole("heading", { level: 1, name: `Join ${name}` })).toBeVisible();
  await expect(invitee.getByText(`You are invited to join ${name} as Secretariat admin.`)).toBeVisible();
  await expect(invitee.getByRole("button", { name: "Accept invitation" })).toBeVisible();
});

test("the platform administration is not found for anyone else", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.admin.email);
  await expect(page.getByRole("link", { name: "Platform administration" })).toHaveCount(0);
  const response = await visit(page, "/admin");
  expect(response.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});
