import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures.ts";
import { expectFieldError, submit, visit } from "../support/forms.ts";
import { DEMO_ACCOUNTS, OEA, signIn } from "../support/people.ts";
import { shoot } from "../support/screenshots.ts";

// People and roles, membership status, your membership. The demo data is shared with other
// specs: each test puts back what it changed.
// Long walks through several pages on a busy machine.
test.slow();

const people = `/c/${OEA.slug}/members/people`;

/** The organisation's id, from the people page's organisation filter. */
async function organisationId(page: Page, name: string): Promise<string> {
  const value = await page.getByLabel("Organisation").locator("option", { hasText: name }).first().getAttribute("value");
  expect(value).toBeTruthy();
  return value!;
}

test("the secretariat suspends an organisation with a reason; the status and its history show", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.staff.email);
  await visit(page, `/c/${OEA.slug}/home`);
  await page.getByRole("navigation", { name: OEA.name }).getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  await page.getByLabel("Name or email").fill("Noel Baluyot");
  await page.getByRole("button", { name: "Show people" }).click();
  await page.waitForURL(/q=Noel/);
  const row = page.getByRole("row").filter({ hasText: "Noel Baluyot" });
  await expect(row).toHaveCount(1);
  const organisation = (await row.getByRole("cell").nth(1).textContent())!.trim();
  await shoot(page, "members-people-list");

  const id = await organisationId(page, organisation);
  const statusPage = `/c/${OEA.slug}/members/organisations/${id}/status`;
  await visit(page, statusPage);
  await expect(page.getByRole("heading", { level: 1, name: `Membership status of ${organisation}` })).toBeVisible();

  // No reason: the message sits next to the field, the choice is kept.
  await page.getByLabel("New status").selectOption({ label: "Suspended" });
  await submit(page, page.getByRole("button", { name: "Change status" }));
  await expectFieldError(page, "Reason", "Enter the reason for this change.");
  await expect(page.getByLabel("New status")).toHaveValue("SUSPENDED");

  await page.getByLabel("Reason").fill("Membership dues unpaid since 2024.");
  await submit(page, page.getByRole("button", { name: "Change status" }));
  await expect(page.getByRole("status").filter({ hasText: "is now" })).toContainText(`${organisation} is now Suspended.`);
  await expect(page.locator("dl.summary")).toContainText("Suspended");
  await expect(page.getByText("cannot answer consultations")).toBeVisible();
  const history = page.getByRole("table", { name: "Status history" });
  await expect(history.getByRole("row").nth(1)).toContainText("Active → Suspended");
  await expect(history.getByRole("row").nth(1)).toContainText("Membership dues unpaid since 2024.");
  await expect(history.getByRole("row").nth(1)).toContainText(DEMO_ACCOUNTS.staff.name);
  await shoot(page, "members-status");

  // Put it back, with its reason too.
  await page.getByLabel("New status").selectOption({ label: "Active" });
  await page.getByLabel("Reason").fill("Dues paid.");
  await submit(page, page.getByRole("button", { name: "Change status" }));
  await expect(page.getByRole("status").filter({ hasText: "is now" })).toContainText(`${organisation} is now Active.`);
  await expect(history.getByRole("row").nth(1)).toContainText("Suspended → Active");
});

test("a secretariat admin changes a member's role; it shows in the person's history", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.admin.email);
  await visit(page, `${people}?q=Arnel+Padilla`);
  await page.getByRole("link", { name: "Arnel Padilla" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Arnel Padilla" })).toBeVisible();

  await page.getByLabel("Role").selectOption({ label: "Focal point" });
  await submit(page, page.getByRole("button", { name: "Change role" }));
  await expect(page.getByRole("status")).toContainText("Arnel Padilla is now Focal point.");
  const history = page.getByRole("table", { name: "Changes to this membership" });
  await expect(history.getByRole("row").nth(1)).toContainText("Role of Arnel Padilla changed from Member to Focal point");
  await expect(history.getByRole("row").nth(1)).toContainText(DEMO_ACCOUNTS.admin.name);
  await shoot(page, "members-person");

  // Removal asks first.
  await page.getByRole("link", { name: "Remove Arnel Padilla from the coalition…" }).click();
  await expect(page.getByRole("button", { name: "Yes, remove Arnel Padilla" })).toBeVisible();
  await page.getByRole("link", { name: "Cancel" }).click();

  await page.getByLabel("Role").selectOption({ label: "Member" });
  await submit(page, page.getByRole("button", { name: "Change role" }));
  await expect(page.getByRole("status").filter({ hasText: "is now Member." })).toContainText("Arnel Padilla is now Member.");
});

test("a member edits their profile, turns email updates off and downloads their data", async ({ page }) => {
  const member = DEMO_ACCOUNTS.member;
  await signIn(page, member.email);
  await visit(page, `/c/${OEA.slug}/home`);
  await page.getByRole("navigation", { name: OEA.name }).getByRole("link", { name: "Your membership" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your membership" })).toBeVisible();

  await page.getByLabel("Phone").fill("not a number");
  await page.getByLabel("Title or position").fill("Research officer");
  await submit(page, page.getByRole("button", { name: "Save profile" }));
  await expectFieldError(page, "Phone", "Enter a phone number with digits, spaces, brackets, dashes or a leading +.");
  await expect(page.getByLabel("Title or position")).toHaveValue("Research officer");
  await page.getByLabel("Phone").fill("+63 917 555 0107");
  await submit(page, page.getByRole("button", { name: "Save profile" }));
  await expect(page.getByRole("status")).toContainText("Your profile was saved.");
  await page.reload();
  await expect(page.getByLabel("Phone")).toHaveValue("+63 917 555 0107");
  await expect(page.getByLabel("Title or position")).toHaveValue("Research officer");

  const updates = page.getByLabel(`Send me news and notifications from ${OEA.name} by email`);
  await updates.uncheck();
  await submit(page, page.getByRole("button", { name: "Save email preferences" }));
  await expect(page.getByRole("status")).toContainText("You will no longer receive news and notifications by email.");
  await expect(updates).not.toBeChecked();
  await shoot(page, "members-me");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my data (JSON)" }).click()]);
  expect(download.suggestedFilename()).toBe(`commons-${OEA.slug}-my-data.json`);
  const data = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(data.account.email).toBe(member.email);
  expect(data.account).not.toHaveProperty("passwordHash");
  expect(data.membership).toMatchObject({ role: "MEMBER", title: "Research officer", emailUpdates: false });

  // Leaving asks first; cancel, and put the preference back.
  await page.getByRole("link", { name: `Leave ${OEA.name}…` }).click();
  await expect(page.getByRole("button", { name: `Yes, leave ${OEA.name}` })).toBeVisible();
  await page.getByRole("link", { name: "Cancel" }).click();
  await updates.check();
  await submit(page, page.getByRole("button", { name: "Save email preferences" }));
  await expect(updates).toBeChecked();
});
