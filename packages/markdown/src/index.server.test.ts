import { describe, expect, it } from "vitest";
import { markdownToText, renderMarkdown } from "./index.server.ts";

describe("renderMarkdown", () => {
  it("renders the Markdown people write: emphasis, lists, quotes, links, tables", () => {
    const html = renderMarkdown("We **agree** with _most_ of it.\n\n- one\n- two\n\n> quoted\n\n[our site](https://example.org)\n\n| a | b |\n|---|---|\n| 1 | 2 |");
    expect(html).toContain("<strong>agree</strong>");
    expect(html).toContain("<em>most</em>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain('<a href="https://example.org" rel="nofollow ugc noopener">our site</a>');
    expect(html).toContain("<td>2</td>");
  });

  it("keeps single line breaks, as people type them in a text box", () => {
    expect(renderMarkdown("line one\nline two")).toBe("<p>line one<br />line two</p>");
  });

  it.each([
    ["a script tag", "<script>alert(1)</script>hello"],
    ["an event handler", '<img src="x" onerror="alert(1)">'],
    ["a javascript: link", "[click](javascript:alert(1))"],
    ["an HTML javascript: link", '<a href="javascript:alert(1)">click</a>'],
    ["a data: link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["an iframe", '<iframe src="https://evil.example"></iframe>'],
    ["a style attribute", '<p style="position:fixed;top:0">cover</p>'],
    ["an svg with a script", "<svg><script>alert(1)</script></svg>"],
  ])("renders %s inert", (_what, source) => {
    const html = renderMarkdown(source);
    expect(html).not.toMatch(/<script|onerror|javascript:|data:text|<iframe|style=|<svg/i);
  });

  it("shifts headings below the page's own, in order", () => {
    expect(renderMarkdown("# Title\n## Part")).toBe("<h2>Title</h2>\n<h3>Part</h3>");
    expect(renderMarkdown("# Title", { topHeading: 3 })).toBe("<h3>Title</h3>");
    expect(renderMarkdown("###### deep", { topHeading: 4 })).toBe("<h6>deep</h6>");
  });

  it("turns images into links, so nothing third-party loads in readers' pages", () => {
    const html = renderMarkdown("![map](https://example.org/map.png)");
    expect(html).toContain('<a href="https://example.org/map.png" rel="nofollow ugc noopener">map</a>');
    expect(html).not.toContain("<img");
  });
});

describe("markdownToText", () => {
  it("drops the markup and keeps paragraphs apart", () => {
    expect(markdownToText("We **agree** & so do they.\n\n- one\n- two")).toBe("We agree & so do they.\none\ntwo");
  });
});
