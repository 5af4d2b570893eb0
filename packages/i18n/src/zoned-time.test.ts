import { describe, expect, it } from "vitest";
import { formatWithZone, isTimeZone, parseLocalDateTime, safeZone, TIME_ZONES, toLocalInput, zoneName } from "./zoned-time.ts";

describe("zoned time", () => {
  it("reads a typed time in the given zone, across a clock change", () => {
    expect(parseLocalDateTime("2030-03-10T09:00", "Asia/Manila")?.toISOString()).toBe("2030-03-10T01:00:00.000Z");
    expect(parseLocalDateTime("2030-07-01T09:00", "Europe/Berlin")?.toISOString()).toBe("2030-07-01T07:00:00.000Z");
    expect(parseLocalDateTime("2030-01-01T09:00", "Europe/Berlin")?.toISOString()).toBe("2030-01-01T08:00:00.000Z");
    // Skipped by the spring change (02:00 → 03:00): moved forward by the change.
    expect(parseLocalDateTime("2030-03-31T02:30", "Europe/Berlin")?.toISOString()).toBe("2030-03-31T01:30:00.000Z");
  });

  it("refuses what is not a real date and time, or an unknown zone", () => {
    expect(parseLocalDateTime("2030-02-30T09:00", "UTC")).toBeNull();
    expect(parseLocalDateTime("2030-13-01T09:00", "UTC")).toBeNull();
    expect(parseLocalDateTime("2030-01-01T24:00", "UTC")).toBeNull();
    expect(parseLocalDateTime("tomorrow", "UTC")).toBeNull();
    expect(parseLocalDateTime("2030-01-01T09:00", "Mars/Olympus")).toBeNull();
  });

  it("shows an instant back as the datetime-local value in the zone", () => {
    expect(toLocalInput(new Date("2030-03-10T01:00:00Z"), "Asia/Manila")).toBe("2030-03-10T09:00");
    expect(toLocalInput(null, "Asia/Manila")).toBe("");
    expect(toLocalInput("2030-03-10T01:00:00Z", "Mars/Olympus")).toBe("2030-03-10T01:00");
  });

  it("knows the zones, UTC first, and falls back to UTC for a bad one", () => {
    expect(TIME_ZONES[0]).toBe("UTC");
    expect(TIME_ZONES).toContain("Asia/Manila");
    expect(isTimeZone("Africa/Lagos")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(safeZone("Mars/Olympus")).toBe("UTC");
    expect(safeZone(undefined)).toBe("UTC");
    expect(safeZone("Asia/Manila")).toBe("Asia/Manila");
  });

  it("names the zone beside the time, unless it is UTC", () => {
    expect(zoneName("Asia/Manila", new Date("2030-01-01T00:00:00Z"))).toBe("Asia/Manila (GMT+8)");
    expect(zoneName("UTC")).toBe("UTC");
    expect(formatWithZone("2030-03-10T01:00:00Z", "en-GB", "Asia/Manila")).toMatch(/10 Mar 2030.*09:00 GMT\+8 \(Asia\/Manila\)/);
    expect(formatWithZone("2030-03-10T01:00:00Z", "en-GB", "UTC")).not.toMatch(/\(/);
  });
});
