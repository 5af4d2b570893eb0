import { expect, type Locator, type Page, type Response } from "@playwright/test";

/**
 * Clicks a submit button and returns the portal's answer to the POST it causes (a Remix
 * data request with JavaScript, a document without), after checking it is not a 5xx.
 */
export async function submit(page: Page, button: Locator): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().startsWith(new URL(page.url()).origin)),
    button.click(),
  ]);
  expect(response.status(), `POST ${response.url()}`).toBeLessThan(500);
  return response;
}

/** page.goto that insists on an answer below 500. */
export async function visit(page: Page, path: string): Promise<Response> {
  const response = await page.goto(path);
  expect(response, `GET ${path}`).not.toBeNull();
  expect(response!.status(), `GET ${path}`).toBeLessThan(500);
  return response!;
}

/** The error summary and the message next to the field both say `message`. */
export async function expectFieldError(page: Page, label: string, message: string): Promise<void> {
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: message })).toBeVisible();
  const field = page.getByLabel(label, { exact: true });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
}

/** A message for the whole form (no field), in the error summary. */
export async function expectFormError(page: Page, message: string): Promise<void> {
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  await expect(summary).toContainText(message);
}
