import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";

const folder = fileURLToPath(new URL("../screenshots/", import.meta.url));

/**
 * Screenshots are for people to look at (e2e/screenshots/, git-ignored), not assertions:
 * CI turns them off with E2E_SCREENSHOTS=0 to keep the run short.
 */
export const screenshotsWanted = process.env.E2E_SCREENSHOTS !== "0";

/** The page as it is now, full length; with `phone`, also at a 360-pixel-wide phone's size. */
export async function shoot(page: Page, name: string, { phone = true }: { phone?: boolean } = {}): Promise<void> {
  if (!screenshotsWanted) return;
  await page.screenshot({ path: `${folder}${name}.png`, fullPage: true });
  if (!phone) return;
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: `${folder}${name}-phone.png`, fullPage: true });
  if (desktop) await page.setViewportSize(desktop);
}
