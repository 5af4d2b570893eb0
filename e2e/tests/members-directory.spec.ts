import { expect, test } from "../support/fixtures.ts";
import { expectFieldError, submit, visit } from "../support/forms.ts";
import { DEMO_ACCOUNTS, OEA, signIn } from "../support/people.ts";
import { shoot } from "../support/screenshots.ts";

// The member directory, organisation profiles and editing one's own profile. The demo data
// is shared with other specs: the edit test puts back what it changed.
// Several pages each, every one checked by axe on a shared two-core machine.
test.setTimeout(180_000);

const directory = `/c/${OEA.slug}/members`;
/** The demo focal point's organisation (oea-01 in packages/dev/src/seed). */
const FOCAL_ORGANISATION = "Benguet Environmental Justice Centre";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a member filters the directory by region through the form, then opens a profile", async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.member.email);
    await visit(page, directory);
    await expect(page.getByRole("heading", { level: 1, name: "Member directory" })).toBeVisible();
    // At least the 80 seeded members: other specs admit or import organisations into the same coalition.
    const count = Number(/^(\d+) organisations$/.exec((await page.getByText(/^\d+ organisations$/).textContent()) ?? "")?.[1]);
    expect(count).toBeGreaterThanOrEqual(80);
    await expect(page.getByRole("navigation", { name: "Pages" })).toContainText(`Page 1 of ${Math.ceil(count / 25)}`);

    // The options carry their counts; choosing one and sending the GET form filters the list.
    const caraga = page.getByLabel("Region").locator("option", { hasText: /^Caraga \(\d+\)$/ });
    const label = (await caraga.textContent())!;
    const expected = Number(/\((\d+)\)/.exec(label)![1]);
    expect(expected).toBeGreaterThan(0);
    await page.getByLabel("Region").selectOption({ label });
    await Promise.all([page.waitForURL(/region=Caraga/), page.getByRole("button", { name: "Show organisations" }).click()]);
    await expect(page.getByText(expected === 1 ? "1 organisation matches" : `${expected} organisations match`)).toBeVisible();
    await expect(page.getByLabel("Region")).toHaveValue("Caraga");
    const results = page.getByRole("list", { name: "Organisations" }).getByRole("heading", { level: 3 });
    await expect(results).toHaveCount(Math.min(expected, 25));
    await expect(page.getByRole("list", { name: "Organisations" })).not.toContainText("Bicol");
    await shoot(page, "members-directory");

    // A search on top of the region.
    await page.getByLabel("Search").fill("watch");
    await Promise.all([page.waitForURL(/q=watch/), page.getByRole("button", { name: "Show organisations" }).click()]);
    await expect(page.getByLabel("Region")).toHaveValue("Caraga");

    await visit(page, `${directory}?region=Caraga`);
    const first = page.getByRole("list", { name: "Organisations" }).getByRole("link").first();
    const name = (await first.textContent())!.trim();
    await Promise.all([page.waitForURL(/\/organisations\//), first.click()]);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.locator("dl.summary")).toContainText("Caraga");
    await expect(page.getByRole("heading", { level: 2, name: "What it needs" })).toBeVisible();
    // A member sees names, not other organisations' contacts or status history.
    await expect(page.getByRole("heading", { level: 2, name: "Status history" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Edit the profile" })).toHaveCount(0);
    await shoot(page, "members-profile");
  });

  test("a stakeholder does not see the private directory", async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.governmentStakeholder.email);
    const response = await page.goto(directory);
    expect(response!.status()).toBe(404);
  });
});

test("a focal point edits their organisation's profile; a mistake is shown next to its field and what was typed stays", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.focalPoint.email);
  await visit(page, `${directory}?q=${encodeURIComponent("Benguet justice")}`);
  await page.getByRole("link", { name: FOCAL_ORGANISATION }).click();
  await expect(page.getByRole("heading", { level: 1, name: FOCAL_ORGANISATION })).toBeVisible();
  await page.getByRole("link", { name: "Edit the profile" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Edit ${FOCAL_ORGANISATION}` })).toBeVisible();
  const original = await page.getByLabel("What it offers the network").inputValue();

  const offer = `Mentoring for new paralegals (${Date.now()}).`;
  await page.getByLabel("Name", { exact: true }).fill("");
  await page.getByLabel("What it offers the network").fill(offer);
  await page.getByLabel("Year founded").fill("1492");
  await submit(page, page.getByRole("button", { name: "Save the profile" }));
  await expectFieldError(page, "Name", "Enter the name.");
  await expectFieldError(page, "Year founded", `Enter a year between 1800 and ${new Date().getUTCFullYear()}.`);
  await expect(page.getByLabel("What it offers the network")).toHaveValue(offer);
  await shoot(page, "members-edit-errors");

  await page.getByLabel("Name", { exact: true }).fill(FOCAL_ORGANISATION);
  await page.getByLabel("Year founded").fill("1998");
  await submit(page, page.getByRole("button", { name: "Save the profile" }));
  await expect(page.getByRole("status")).toContainText("The profile was saved.");
  await expect(page.getByText(offer)).toBeVisible();
  await expect(page.locator("dl.summary")).toContainText("1998");

  // Put the offer back as it was.
  await page.getByRole("link", { name: "Edit the profile" }).click();
  await page.getByLabel("What it offers the network").fill(original);
  await submit(page, page.getByRole("button", { name: "Save the profile" }));
  await expect(page.getByRole("status")).toContainText("The profile was saved.");
});
