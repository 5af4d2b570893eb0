import { describe, expect, it } from "vitest";
import { checkModules } from "@commons/plugin-sdk";
import members from "../manifest.ts";
import { canTakePart, STATUS_TRANSITIONS } from "../src/constants.ts";
import { listSetting, settings } from "../src/settings.ts";

describe("the members module's manifest", () => {
  it("passes the portal's build checks as a core module, files included", () => {
    expect(members.core).toBe(true);
    expect(checkModules([members], "0.1.0", { checkFiles: true })).toEqual([]);
  });

  it("works before a coalition touches its settings: directory private, applications open, a charter", () => {
    const defaults = settings.parse({});
    expect(defaults.publicDirectory).toBe(false);
    expect(defaults.acceptApplications).toBe(true);
    expect(defaults.charter).toMatch(/Members of this coalition agree to/);
    expect(listSetting(defaults.organisationTypes)).toContain("People's organisation");
    expect(listSetting(defaults.regions)).toEqual([]);
  });

  it("reads one-per-line lists without blanks or repeats", () => {
    expect(listSetting(" Caraga \n\nDavao Region\nCaraga\n")).toEqual(["Caraga", "Davao Region"]);
  });

  it("lets only active organisations take part; suspended ones can come back, nobody returns to 'applied'", () => {
    expect(canTakePart("ACTIVE")).toBe(true);
    expect(canTakePart("SUSPENDED")).toBe(false);
    expect(STATUS_TRANSITIONS.SUSPENDED).toContain("ACTIVE");
    expect(Object.values(STATUS_TRANSITIONS).flat()).not.toContain("APPLIED");
  });
});
