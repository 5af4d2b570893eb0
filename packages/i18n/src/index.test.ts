import { describe, expect, it } from "vitest";
import { createCatalogueTranslator, createTranslator, formatDateTime, formatNumber, negotiateLocale } from "./index.ts";

describe("translation layer", () => {
  const t = createTranslator("en");
  it("fills parameters", () => {
    expect(t("invite.title", { coalition: "PWYP" })).toBe("Join PWYP");
  });
  it("chooses plural forms by locale rules", () => {
    expect(t("tenant.members", { count: 1 })).toBe("1 member organisation");
    expect(t("tenant.members", { count: 1280 })).toBe("1,280 member organisations");
  });
  it("negotiates a supported locale and falls back to English", () => {
    expect(negotiateLocale("fr-FR,fr;q=0.9,en;q=0.5")).toBe("en");
    expect(negotiateLocale(undefined)).toBe("en");
  });
  it("formats dates and numbers by locale", () => {
    expect(formatNumber(12345.5, "en")).toBe("12,345.5");
    expect(formatDateTime("2026-11-23T14:00:00Z", "en", "Africa/Lagos")).toMatch(/Nov 23, 2026.*3:00.*PM/);
  });
});

describe("createCatalogueTranslator", () => {
  const messages = {
    en: { "m.greet": "Hello {name}", "m.count": "{n, plural, one {# task} other {# tasks}}", "m.only-en": "English only" },
    fil: { "m.greet": "Kumusta {name}" },
  };

  it("uses the reader's locale, falls back to English per key, then to the key", () => {
    const fil = createCatalogueTranslator(messages, "fil");
    expect(fil("m.greet", { name: "Ana" })).toBe("Kumusta Ana");
    expect(fil("m.only-en")).toBe("English only");
    expect(fil("m.unknown")).toBe("m.unknown");
    expect(createCatalogueTranslator(messages, "fil-PH")("m.greet", { name: "Ana" })).toBe("Kumusta Ana");
    expect(createCatalogueTranslator(messages, "en")("m.count", { n: 2 })).toBe("2 tasks");
  });
});
