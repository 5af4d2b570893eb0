import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures.ts";
import { expectFieldError, submit, visit } from "../support/forms.ts";
import { DEMO_ACCOUNTS, OEA, signIn } from "../support/people.ts";
import { shoot } from "../support/screenshots.ts";

const shootPage = (page: Page, name: string) => shoot(page, name, { phone: false });

const FILE_LABEL = "Spreadsheet file (.csv or .xlsx)";

/**
 * A spreadsheet as a secretariat exports it from Excel on Windows: UTF-8 BOM, semicolons,
 * CRLF rows, a description over two lines, names in Tagalog, Arabic, Chinese and Cyrillic,
 * and three rows with mistakes. The regions, types and sectors are the demo coalition's.
 */
function spreadsheet(suffix: string): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const rows = [
    ["Organisation name", "Acronym", "Type", "Region", "Province", "Sectors", "E-mail", "Founded", "Description"],
    [`Samahang Magsasaka ng Parañaque ${suffix}`, "SMP", "NGO", "National Capital Region", "Manila", "mining; environment", `smp-${suffix}@example.ph`, "1998", "Mga magsasaka ng Parañaque\nmula pa noong 1998"],
    [`جمعية الأرض الخضراء ${suffix}`, "JAK", "network", "SOCCSKSARGEN", "South Cotabato", "environment", `green-${suffix}@example.org`, "2005", "منظمة بيئية"],
    [`绿色矿业观察 ${suffix}`, "LMW", "academic", "Caraga", "Surigao del Norte", "mining", `lvse-${suffix}@example.cn`, "2010", "第一行\n第二行"],
    [`Общество горняков ${suffix}`, "OGM", "NGO", "Davao Region", "Davao de Oro", "mining", `ogm-${suffix}@example.ru`, "19x9", "Кириллица"],
    ["", "NN", "NGO", "Caraga", "", "", `noname-${suffix}@example.ph`, "", "No name"],
    [`Bad Email Alliance ${suffix}`, "BEA", "NGO", "Caraga", "", "", "not-an-email", "", ""],
  ];
  return `\uFEFF${rows.map((r) => r.map((c) => (/[;"\n]/.test(c) ? q(c) : c)).join(";")).join("\r\n")}\r\n`;
}

test("the secretariat uploads a spreadsheet, sees each row's problems, changes a column, imports, and finds the organisation", async ({ page }) => {
  // Long on a busy two-core machine: axe checks each of the nine pages it passes through.
  test.setTimeout(180_000);
  const suffix = String(Date.now()).slice(-7);
  await signIn(page, DEMO_ACCOUNTS.admin.email);
  await visit(page, `/c/${OEA.slug}/members/import`);
  await expect(page.getByRole("heading", { level: 1, name: "Import from a spreadsheet" })).toBeVisible();

  // No file, then a PDF renamed .csv: a message next to the field, no 500.
  await submit(page, page.getByRole("button", { name: "Upload and preview" }));
  await expectFieldError(page, FILE_LABEL, "Choose a file to upload.");
  await page.getByLabel(FILE_LABEL).setInputFiles({ name: "members.csv", mimeType: "text/csv", buffer: Buffer.from("%PDF-1.7\n1 0 obj << >> endobj\n") });
  await submit(page, page.getByRole("button", { name: "Upload and preview" }));
  await expectFieldError(page, FILE_LABEL, "This file is not a spreadsheet. Upload a CSV file or an Excel workbook (.xlsx).");
  await shootPage(page, "members-import-upload-error");

  await page.getByLabel("What the file holds").selectOption({ label: "Organisations" });
  await page.getByLabel(FILE_LABEL).setInputFiles({ name: `members-${suffix}.csv`, mimeType: "text/csv", buffer: Buffer.from(spreadsheet(suffix), "utf8") });
  await submit(page, page.getByRole("button", { name: "Upload and preview" }));
  await expect(page.getByRole("heading", { level: 1, name: `Import members-${suffix}.csv` })).toBeVisible();
  await expect(page.getByText("3 rows ready to import, 3 with problems (they will be skipped), 0 unchanged.")).toBeVisible();
  const rows = page.getByRole("table", { name: "Rows of the file and what importing would do" });
  await expect(rows.getByRole("row").filter({ hasText: `绿色矿业观察 ${suffix}` })).toContainText("New organisation");
  await expect(rows.getByRole("row").filter({ hasText: `Общество горняков ${suffix}` })).toContainText("“19x9” is not a year between 1800");
  await expect(rows.getByRole("row").filter({ hasText: "not-an-email" })).toContainText("“not-an-email” is not an email address.");
  await expect(rows).toContainText("The organisation name is missing.");
  await expect(page.getByLabel("Organisation name (required)")).toHaveValue("0");
  await expect(page.getByLabel("Year founded")).toHaveValue("7");
  await shoot(page, "members-import-preview");

  // The year column is not wanted after all: the row with the bad year becomes ready.
  await page.getByLabel("Year founded").selectOption({ label: "Not imported" });
  await submit(page, page.getByRole("button", { name: "Check the rows again" }));
  await expect(page.getByRole("status").filter({ hasText: "The rows were checked again" })).toBeVisible();
  await expect(page.getByText("4 rows ready to import, 2 with problems (they will be skipped), 0 unchanged.")).toBeVisible();
  await expect(page.getByLabel("Year founded")).toHaveValue("");

  await expect(page.getByText("Importing a large file takes up to a minute.")).toBeVisible();
  await submit(page, page.getByRole("button", { name: "Import 4 rows" }));
  await expect(page.getByRole("heading", { level: 2, name: "What the import did" })).toBeVisible();
  await expect(page.getByText("Organisations added: 4")).toBeVisible();
  await expect(page.getByText("Skipped: 2")).toBeVisible();
  await expect(page.getByRole("table", { name: "Rows that were not imported, and why" })).toContainText("“not-an-email” is not an email address.");
  await shootPage(page, "members-import-report");

  // The list of imports shows it as imported.
  await page.getByRole("link", { name: "All imports" }).click();
  await expect(page.getByRole("row").filter({ hasText: `members-${suffix}.csv` })).toContainText("Imported");

  // The organisation is in the directory, with its profile, written exactly as in the file.
  await visit(page, `/c/${OEA.slug}/members?q=${encodeURIComponent(`Parañaque ${suffix}`)}`);
  await page.getByRole("link", { name: `Samahang Magsasaka ng Parañaque ${suffix}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Samahang Magsasaka ng Parañaque ${suffix}` })).toBeVisible();
  await expect(page.getByText("mula pa noong 1998")).toBeVisible();
});

test("a member without members:manage gets 404 at the import pages", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.member.email);
  const response = await page.goto(`/c/${OEA.slug}/members/import`);
  expect(response?.status()).toBe(404);
});

test("without JavaScript the upload, the preview and the import are plain forms that work", async ({ newVisitor }) => {
  test.setTimeout(120_000);
  const suffix = String(Date.now()).slice(-7);
  const page = await newVisitor({ javaScriptEnabled: false });
  await signIn(page, DEMO_ACCOUNTS.admin.email);
  await visit(page, `/c/${OEA.slug}/members/import`);
  const csv = `Name,Email,Region\nTausug Fisherfolk Network ${suffix},tfn-${suffix}@example.ph,Caraga\nPalaw'an Forest Guardians ${suffix},pfg-${suffix}@example.ph,Atlantis\n`;
  await page.getByLabel(FILE_LABEL).setInputFiles({ name: `plain-${suffix}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await submit(page, page.getByRole("button", { name: "Upload and preview" }));
  await expect(page.getByRole("heading", { level: 1, name: `Import plain-${suffix}.csv` })).toBeVisible();
  await expect(page.getByText("1 row ready to import, 1 with problems (they will be skipped), 0 unchanged.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Rows of the file and what importing would do" })).toContainText("“Atlantis” is not one of the coalition's regions.");
  await submit(page, page.getByRole("button", { name: "Import 1 row" }));
  await expect(page.getByText("Organisations added: 1")).toBeVisible();
});
