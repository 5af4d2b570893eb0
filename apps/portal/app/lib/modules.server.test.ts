import { describe, expect, it } from "vitest";
import { describeModuleAction } from "./modules.server.ts";

describe("the activity record's wording of module entries", () => {
  it("uses the module's message with the entry's data", () => {
    expect(describeModuleAction("members.role_changed", { name: "Ana Reyes", from: "MEMBER", to: "FOCAL_POINT" }, "en")).toBe("Changed the role of Ana Reyes from MEMBER to FOCAL_POINT");
    expect(describeModuleAction("members.organisation.updated", { fields: ["name", "region"] }, "en")).toBe("Updated an organisation's profile (name, region)");
  });

  it("falls back to the action in plain words when the module has no message, and leaves core entries to the core", () => {
    expect(describeModuleAction("members.something_new", {}, "en")).toBe("Members: something new");
    expect(describeModuleAction("member.invited", { email: "a@example.org" }, "en")).toBeNull();
  });
});
