import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../support/fixtures.ts";
import { expectFieldError, submit, visit } from "../support/forms.ts";
import { linkIn, waitForEmail } from "../support/mail.ts";
import { shoot } from "../support/screenshots.ts";
import { DEMO_ACCOUNTS, OEA, signIn, strongPassword, uniqueEmail } from "../support/people.ts";

const shootPage = (page: Page, name: string) => shoot(page, `members-applications-${name}`);

/** Fills a field the coalition may offer as a list (a select) or as free text; returns the value used. */
async function fillOrChoose(field: Locator, text: string): Promise<string> {
  if ((await field.evaluate((el) => el.tagName)) === "SELECT") {
    const options = (await field.locator("option").allTextContents()).filter((o) => o && !/^Choose|^Any/.test(o));
    const choice = options.at(-1)!;
    await field.selectOption({ label: choice });
    return choice;
  }
  await field.fill(text);
  return text;
}

test("an organisation applies, the secretariat approves, its contact signs up as focal point and puts it on the map", async ({ page, newVisitor }) => {
  // A long journey through four people's browsers and the worker's mail, on a shared machine.
  test.setTimeout(300_000);
  const stamp = Date.now();
  const organisation = `E2E Bantay Minahan ${stamp}`;
  const contact = uniqueEmail("applicant");
  const base = `/c/${OEA.slug}/members`;

  // A visitor with JavaScript off: the form works as plain HTML.
  const applicant = await newVisitor({ javaScriptEnabled: false });
  await visit(applicant, `${base}/apply`);
  await expect(applicant.getByRole("heading", { level: 1, name: `Apply to join ${OEA.name}` })).toBeVisible();
  await expect(applicant.getByText("Members of this coalition agree to:")).toBeVisible();
  await shootPage(applicant, "form");

  // Sent half-filled: every problem is named next to its field, and what was typed stays.
  await applicant.getByLabel("Name of the organisation").fill(organisation);
  await applicant.getByLabel("Email address").fill("not-an-address");
  await submit(applicant, applicant.getByRole("button", { name: "Send the application" }));
  await expectFieldError(applicant, "Email address", "Enter an email address like name@example.org.");
  await expectFieldError(applicant, "Why does your organisation want to join?", "Tell the secretariat why your organisation wants to join.");
  await expect(applicant.getByRole("alert")).toContainText("Tick the box to agree to the charter");
  await expect(applicant.getByLabel("Name of the organisation")).toHaveValue(organisation);
  await shootPage(applicant, "form-errors");

  await applicant.getByLabel("Acronym (optional)").fill("BM");
  await fillOrChoose(applicant.getByLabel("Type of organisation"), "People's organisation");
  await fillOrChoose(applicant.getByLabel("Region", { exact: true }), "Caraga");
  await applicant.getByLabel("Province (optional)").fill("Surigao del Norte");
  await applicant.getByLabel("Website (optional)").fill("bantay-minahan.example.org");
  await applicant.getByLabel("What the organisation does (optional)").fill("Community monitors of mining sites in Claver.");
  await applicant.getByLabel("Full name").fill("Ligaya Dumalagan");
  await applicant.getByLabel("Email address").fill(contact);
  await applicant.getByLabel("Why does your organisation want to join?").fill("To bring our monitoring data to the network's consultations.");
  await applicant.getByLabel("I have read the charter and my organisation agrees to it").check();
  await submit(applicant, applicant.getByRole("button", { name: "Send the application" }));
  await expect(applicant).toHaveURL(new RegExp(`${base}/apply/received$`));
  await expect(applicant.getByRole("heading", { level: 1, name: "Your application was sent" })).toBeVisible();
  await expect(applicant.getByRole("heading", { level: 2, name: "What happens next" })).toBeVisible();
  await shootPage(applicant, "received");
  const receipt = await waitForEmail(contact, `We received your application to join ${OEA.name}`);
  expect(receipt.text).toContain(organisation);

  // The same organisation again is refused while the first waits.
  await visit(applicant, `${base}/apply`);
  await applicant.getByLabel("Name of the organisation").fill(organisation.toUpperCase());
  await submit(applicant, applicant.getByRole("button", { name: "Send the application" }));
  await expectFieldError(applicant, "Name of the organisation", `An application from an organisation called “${organisation}” is already waiting for the secretariat's answer.`);

  // The secretariat is told, and reviews.
  const notice = await waitForEmail(DEMO_ACCOUNTS.admin.email, `New membership application: ${organisation}`);
  const reviewLink = linkIn(notice, `${base}/applications/`);
  await signIn(page, DEMO_ACCOUNTS.admin.email);
  await visit(page, `/c/${OEA.slug}/home`);
  await page.getByRole("navigation", { name: OEA.name }).getByRole("link", { name: "Applications" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Membership applications" })).toBeVisible();
  await page.getByLabel("Status").selectOption({ label: "Waiting for review" });
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(/status=SUBMITTED/);
  const row = page.getByRole("row").filter({ hasText: organisation });
  await expect(row).toContainText("Waiting for review");
  await shootPage(page, "list");
  await row.getByRole("link", { name: organisation }).click();
  await expect(page).toHaveURL(new RegExp(`${new URL(reviewLink).pathname}$`));
  await expect(page.getByRole("heading", { level: 1, name: organisation })).toBeVisible();
  await expect(page.getByText("To bring our monitoring data to the network's consultations.")).toBeVisible();

  // A rejection needs a reason; the form says so and nothing is decided.
  await submit(page, page.getByRole("button", { name: "Reject the application" }));
  await expectFieldError(page, "Reason (emailed to the applicant)", "Give the reason: it is emailed to the applicant.");
  await shootPage(page, "review");

  await submit(page, page.getByRole("button", { name: "Approve and invite" }));
  await expect(page.getByRole("status")).toContainText(`Approved. ${organisation} is now a member, and ${contact} has been invited to join as its focal point.`);
  await expect(page.getByText(`Approved by ${DEMO_ACCOUNTS.admin.name}`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve and invite" })).toHaveCount(0);

  // The contact is told, then invited; they sign up through the link and arrive as focal point.
  await waitForEmail(contact, `${organisation} is now a member of ${OEA.name}`);
  const invitation = await waitForEmail(contact, `You are invited to join ${OEA.name} on Commons`);
  expect(invitation.text).toContain("as Focal point");
  const join = linkIn(invitation, `/c/${OEA.slug}/join/`);
  const focal = await newVisitor();
  await visit(focal, join);
  await expect(focal.getByLabel("Email address")).toHaveValue(contact);
  await focal.getByLabel("Full name").fill("Ligaya Dumalagan");
  await focal.getByLabel("Password", { exact: true }).fill(strongPassword());
  await submit(focal, focal.getByRole("button", { name: "Accept invitation" }));
  await expect(focal).toHaveURL(new RegExp(`/c/${OEA.slug}/home$`));
  await expect(focal.getByText("Your role: Focal point")).toBeVisible();

  // The focal point finds the organisation in the directory and puts it in another region.
  await visit(focal, `${base}?q=${encodeURIComponent(`Bantay Minahan ${stamp}`)}`);
  await focal.getByRole("link", { name: organisation }).click();
  await expect(focal.getByRole("heading", { level: 1, name: organisation })).toBeVisible();
  await focal.getByRole("link", { name: "Edit the profile" }).click();
  await expect(focal.getByRole("heading", { level: 1, name: `Edit ${organisation}` })).toBeVisible();
  const region = await fillOrChoose(focal.getByLabel("Region", { exact: true }), `E2E Region ${stamp}`);
  await submit(focal, focal.getByRole("button", { name: "Save the profile" }));
  await expect(focal.getByRole("heading", { level: 1, name: organisation })).toBeVisible();

  await visit(focal, base);
  const regionFilter = focal.getByRole("search").getByLabel("Region", { exact: true });
  const option = (await regionFilter.locator("option").allTextContents()).find((o) => o.startsWith(`${region} (`));
  expect(option, `the region filter offers ${region}`).toBeTruthy();
  await regionFilter.selectOption({ label: option! });
  await focal.getByRole("button", { name: "Show organisations" }).click();
  await expect(focal).toHaveURL(/region=/);
  await expect(focal.getByRole("search").getByLabel("Region", { exact: true })).toHaveValue(region);
  await expect(focal.getByRole("link", { name: organisation })).toBeVisible();
});
