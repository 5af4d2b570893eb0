import { expect, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_COALITIONS, DEMO_PASSWORD } from "@commons/dev/accounts";

export { DEMO_ACCOUNTS, DEMO_COALITIONS, DEMO_PASSWORD };

export const OEA = DEMO_COALITIONS.openExtractives;
export const MMCP = DEMO_COALITIONS.mindanao;

let counter = 0;
/** An address no other test (or earlier run on the same database) uses. */
export function uniqueEmail(label: string): string {
  counter += 1;
  return `e2e-${label}-${Date.now()}-${process.pid}-${counter}@example.org`;
}

/** A password that is long and uncommon enough for the portal's rules. */
export function strongPassword(): string {
  return `river-lantern-${Math.random().toString(36).slice(2, 10)}`;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("status")).toContainText("You have signed out.");
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
}

/** Fills and sends the registration form; stops at "Check your email". */
export async function register(page: Page, { name, email, password }: { name: string; email: string; password: string }): Promise<void> {
  await page.goto("/register");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
}
