/**
 * Times in the coalition's zone. A deadline is typed in a datetime-local field (a wall-clock
 * time with no zone) and means that time in the coalition's zone; it is stored in UTC and
 * shown back in the zone, with the zone spelled out. Client-safe (pages format with it).
 */

/** The zone when the runtime knows it, else UTC (a mistyped setting never breaks a page). */
export function zoneOrUtc(zone: string | undefined): string {
  if (!zone) return "UTC";
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return "UTC";
  }
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(date: Date, zone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  let format = partsFormatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    partsFormatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

/** How far the zone's wall clock is ahead of UTC at that instant, in milliseconds. */
function offsetAt(instant: number, zone: string): number {
  const w = wallClock(new Date(instant), zone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

/** "2026-12-15T17:00" read as a wall-clock time in `zone`; null when it is not a real date and time. */
export function parseLocalDateTime(value: string, zone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || hour > 23 || minute > 59) return null;
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(naive);
  if (check.getUTCFullYear() !== year || check.getUTCDate() !== day) return null;
  // Twice, so a time just after a daylight-saving change takes the offset in force then.
  const first = naive - offsetAt(naive, zone);
  return new Date(naive - offsetAt(first, zone));
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The value a datetime-local field shows for `date` in `zone`. */
export function toLocalInput(date: Date | string | null | undefined, zone: string): string {
  if (!date) return "";
  const w = wallClock(new Date(date), zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** "Asia/Manila (GMT+8)": the zone as a reader recognises it. */
export function zoneName(zone: string, at: Date = new Date()): string {
  if (zone === "UTC") return "UTC";
  const offset = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "shortOffset" }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value;
  return offset ? `${zone} (${offset})` : zone;
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

/** "15 Dec 2026, 17:00 GMT+8" in the reader's language and the coalition's zone. */
export function formatInZone(date: Date | string, locale: string, zone: string): string {
  const key = `${locale}|${zone}`;
  let format = displayFormatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone, timeZoneName: "shortOffset" });
    displayFormatters.set(key, format);
  }
  return format.format(new Date(date));
}

/** "15 Dec 2026, 17:00 GMT+8 (Asia/Manila)": the time and, unless it is UTC, the zone's name. */
export function formatWithZone(date: Date | string, locale: string, zone: string): string {
  const when = formatInZone(date, locale, zone);
  return zone === "UTC" ? when : `${when} (${zone})`;
}
