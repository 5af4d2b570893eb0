import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures.ts";
import { submit, visit } from "../support/forms.ts";
import { DEMO_ACCOUNTS, OEA, signIn } from "../support/people.ts";

/** The secretariat switches the taskforce plugin on or off at /c/<slug>/admin/modules. */
async function switchTaskforces(page: Page, to: "on" | "off") {
  await visit(page, `/c/${OEA.slug}/admin/modules`);
  await expect(page.getByRole("heading", { level: 1, name: "Modules and plugins" })).toBeVisible();
  await submit(page, page.getByRole("button", { name: `Switch ${to} Taskforces` }));
  await expect(page.getByRole("status")).toContainText(to === "on" ? "Taskforces is on for this coalition." : "Taskforces is off. Its data is kept.");
}

test("a secretariat switches the taskforce plugin on, works in it, switches it off (404) and on again (data back)", async ({ page, newVisitor }) => {
  const name = `Mining revenue taskforce ${Date.now()}`;
  const lead = DEMO_ACCOUNTS.focalPoint;
  const member = DEMO_ACCOUNTS.member;

  await signIn(page, DEMO_ACCOUNTS.admin.email);
  await switchTaskforces(page, "on");

  // Its navigation appears in the coalition bar.
  await page.getByRole("navigation", { name: OEA.name }).getByRole("link", { name: "Taskforces" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Taskforces" })).toBeVisible();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Mandate").fill("Identify, consolidate and disseminate practical steps for publishing mining revenues by province.");
  await page.getByLabel(/Lead.s email address/).fill(lead.email);
  await submit(page, page.getByRole("button", { name: "Create taskforce" }));
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const taskforceUrl = page.url();

  await page.getByLabel("Email address of a coalition member").fill(member.email);
  await submit(page, page.getByRole("button", { name: "Add member" }));
  await expect(page.getByRole("status")).toContainText(`${member.name} added to the taskforce.`);

  await page.getByLabel("Title").first().fill("Provincial revenue tracker");
  await page.getByLabel("Description").fill("A public sheet of royalties paid per province.");
  await page.getByLabel("Due date").fill("2027-03-31");
  await submit(page, page.getByRole("button", { name: "Add deliverable" }));
  await page.getByRole("link", { name: "Provincial revenue tracker" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Provincial revenue tracker" })).toBeVisible();

  // Two Accountable people are refused with a clear message; one is saved.
  await page.getByLabel(`Role of ${lead.name}`).selectOption({ label: "Accountable" });
  await page.getByLabel(`Role of ${member.name}`).selectOption({ label: "Accountable" });
  await submit(page, page.getByRole("button", { name: "Save responsibilities" }));
  await expect(page.getByRole("alert")).toContainText("Choose only one person as Accountable, not 2");
  await page.getByLabel(`Role of ${member.name}`).selectOption({ label: "Responsible" });
  await submit(page, page.getByRole("button", { name: "Save responsibilities" }));
  await expect(page.getByRole("status")).toContainText("Responsibilities saved.");
  const matrix = page.getByRole("table", { name: "Who is Responsible, Accountable, Consulted and Informed" });
  await expect(matrix.getByRole("row").filter({ hasText: lead.name })).toBeVisible();
  const deliverableUrl = page.url();

  // A member of the coalition sees the taskforce and its deliverable.
  const reader = await newVisitor();
  await signIn(reader, member.email);
  await visit(reader, `/c/${OEA.slug}/taskforce`);
  await expect(reader.getByRole("link", { name })).toBeVisible();
  await visit(reader, deliverableUrl);
  await expect(reader.getByRole("heading", { level: 1, name: "Provincial revenue tracker" })).toBeVisible();

  // Switched off: its pages are not found and its navigation is gone; the data stays.
  await switchTaskforces(page, "off");
  for (const url of [`/c/${OEA.slug}/taskforce`, taskforceUrl, deliverableUrl]) {
    const response = await reader.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(reader.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  }
  await visit(reader, `/c/${OEA.slug}/home`);
  await expect(reader.getByRole("navigation", { name: OEA.name }).getByRole("link", { name: "Taskforces" })).toHaveCount(0);

  // Switched on again: everything is back.
  await switchTaskforces(page, "on");
  await visit(reader, deliverableUrl);
  await expect(reader.getByRole("heading", { level: 1, name: "Provincial revenue tracker" })).toBeVisible();
  const memberRow = reader.getByRole("table", { name: "Who is Responsible, Accountable, Consulted and Informed" }).getByRole("row").filter({ hasText: member.name });
  // Columns: person, Responsible, Accountable, Consulted, Informed.
  await expect(memberRow.getByRole("cell").nth(1)).toHaveText("R");

  // The activity record shows both switches.
  await visit(page, `/c/${OEA.slug}/admin/activity`);
  await expect(page.getByRole("row").filter({ hasText: "Switched off Taskforces" })).toHaveCount(1);
  await expect(page.getByRole("row").filter({ hasText: "Switched on Taskforces" })).toHaveCount(2);
});
