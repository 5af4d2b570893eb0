import { describe, expect, it } from "vitest";
import { originAllowed } from "./origin.ts";

const allowed = new Set(["https://commons.example.org"]);

describe("CSRF origin check", () => {
  it("accepts our own origin and refuses any other", () => {
    expect(originAllowed("https://commons.example.org", undefined, allowed)).toBe(true);
    expect(originAllowed("https://evil.example.com", "cross-site", allowed)).toBe(false);
    expect(originAllowed("null", undefined, allowed)).toBe(false);
  });
  it("falls back to Sec-Fetch-Site when Origin is missing", () => {
    expect(originAllowed(undefined, "same-origin", allowed)).toBe(true);
    expect(originAllowed(undefined, "same-site", allowed)).toBe(false);
    expect(originAllowed(undefined, "cross-site", allowed)).toBe(false);
  });
});
