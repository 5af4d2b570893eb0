/**
 * Times typed in a time zone and shown in one. A datetime-local field holds a wall-clock time
 * with no zone of its own; it means that time in a zone (the coalition's, a meeting's), is
 * stored in UTC and shown back in the zone with the zone spelled out. Only Intl: no time zone
 * library ships to the browser or the server. Client-safe (pages format with it).
 */

/** Every IANA zone this runtime knows, UTC first (Intl's list leaves it out on some versions). */
export const TIME_ZONES: readonly string[] = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];

export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A zone to show things in: the one given when valid, else UTC (a setting typed wrong must not break a page). */
export function safeZone(zone: string | null | undefined): string {
  return zone && isTimeZone(zone) ? zone : "UTC";
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

/**
 * "2026-12-15T17:00" read as a wall-clock time in `zone`: the instant, or null when it is not
 * a real date and time or the zone is unknown. A time skipped by a clock change moves forward
 * by the change, as calendar apps do.
 */
export function parseLocalDateTime(value: string, zone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m || !isTimeZone(zone)) return null;
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

/** The value a datetime-local field shows for `date` in `zone` (UTC when the zone is unknown). */
export function toLocalInput(date: Date | string | null | undefined, zone: string): string {
  if (!date) return "";
  const w = wallClock(new Date(date), safeZone(zone));
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** "Asia/Manila (GMT+8)": the zone as a reader recognises it. */
export function zoneName(zone: string, at: Date = new Date()): string {
  if (zone === "UTC") return "UTC";
  const offset = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "shortOffset" }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value;
  return offset ? `${zone} (${offset})` : zone;
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

/** "15 Dec 2026, 17:00 GMT+8" in the reader's language and the given zone. */
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
