import { expect, test } from "../support/fixtures.ts";
import { submit, visit } from "../support/forms.ts";
import { linkIn, waitForEmail } from "../support/mail.ts";
import { DEMO_ACCOUNTS, OEA, signIn, strongPassword, uniqueEmail } from "../support/people.ts";

test("a secretariat admin invites a person by email, who creates an account and joins", async ({ page, newVisitor }) => {
  const email = uniqueEmail("invitee");

  await signIn(page, DEMO_ACCOUNTS.admin.email);
  await visit(page, `/c/${OEA.slug}/home`);
  await page.getByRole("navigation", { name: OEA.name }).getByRole("link", { name: "Invitations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Invitations" })).toBeVisible();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Role").selectOption({ label: "Member" });
  await submit(page, page.getByRole("button", { name: "Send invitation" }));
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${email}.`);
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Member");
  await expect(row).toContainText("Pending");

  const message = await waitForEmail(email, `You are invited to join ${OEA.name} on Commons`);
  expect(message.text).toContain(`${DEMO_ACCOUNTS.admin.name} invites you to join ${OEA.name} as Member.`);
  const link = linkIn(message, `/c/${OEA.slug}/join/`);

  // The invited person, in a browser of their own.
  const invitee = await newVisitor();
  await visit(invitee, link);
  await expect(invitee.getByRole("heading", { level: 1, name: `Join ${OEA.name}` })).toBeVisible();
  await expect(invitee.getByText(`You are invited to join ${OEA.name} as Member.`)).toBeVisible();
  await expect(invitee.getByLabel("Email address")).toHaveValue(email);
  await invitee.getByLabel("Full name").fill("Lorna Abad");
  await invitee.getByLabel("Password", { exact: true }).fill(strongPassword());
  await submit(invitee, invitee.getByRole("button", { name: "Accept invitation" }));
  await expect(invitee).toHaveURL(new RegExp(`/c/${OEA.slug}/home$`));
  await expect(invitee.getByRole("heading", { level: 1, name: OEA.name })).toBeVisible();
  await expect(invitee.getByText("Welcome, Lorna Abad")).toBeVisible();
  await expect(invitee.getByText("Your role: Member")).toBeVisible();

  // The admin sees the invitation accepted and the join in the activity record.
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Accepted");
  await page.getByRole("navigation", { name: OEA.name }).getByRole("link", { name: "Activity record" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Activity record" })).toBeVisible();
  const joined = page.getByRole("row").filter({ hasText: `${email} joined as Member` });
  await expect(joined).toHaveCount(1);
  await expect(joined).toContainText("Lorna Abad");
  await expect(page.getByRole("row").filter({ hasText: `Invited ${email} as Member` })).toContainText(DEMO_ACCOUNTS.admin.name);

  // The link cannot be used a second time.
  const late = await newVisitor();
  await visit(late, link);
  await expect(late.getByRole("status")).toContainText("This link is not valid any more");
});
