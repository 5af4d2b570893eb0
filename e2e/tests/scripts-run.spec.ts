import { expect, test } from "../support/fixtures.ts";
import { visit } from "../support/forms.ts";

/**
 * The portal's pages must hydrate: the inline scripts Remix writes (<Scripts />,
 * <ScrollRestoration />) carry the response's CSP nonce. Without it Chromium refuses them
 * and every page silently runs as if JavaScript were off.
 */
test("pages hydrate under the Content-Security-Policy", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && message.text().includes("Content Security Policy")) refused.push(message.text());
  });
  await visit(page, "/sign-in");
  await expect
    .poll(() => page.evaluate(() => typeof (window as unknown as { __remixRouter?: unknown }).__remixRouter), { timeout: 3_000 })
    .toBe("object");
  expect(refused).toEqual([]);
});
