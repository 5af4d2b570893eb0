import { expect, test } from "../support/fixtures.ts";
import { visit } from "../support/forms.ts";

/**
 * The portal's pages must hydrate: the inline scripts Remix writes (<Scripts />,
 * <ScrollRestoration />) need the response's CSP nonce. Today they do not get it
 * (apps/portal/app/root.tsx renders <ScrollRestoration /> and <Scripts /> without
 * `nonce`), so Chromium refuses them and every page runs as if JavaScript were off.
 * Marked as a known failure: when the portal is fixed this test "unexpectedly passes";
 * then remove the test.fail line.
 */
test("pages hydrate under the Content-Security-Policy", async ({ page }) => {
  test.fail(true, "root.tsx passes no CSP nonce to <Scripts /> and <ScrollRestoration />");
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
