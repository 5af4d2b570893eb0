/**
 * Times typed in a time zone (a datetime-local field has none of its own) and shown in one.
 * Only Intl: no time zone library ships to the browser or the server.
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

function wallClock(date: Date, zone: string) {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    partsFormatters.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

/** Minutes the zone is ahead of UTC at that instant. */
function offsetMinutes(date: Date, zone: string): number {
  const w = wallClock(date, zone);
  return Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - date.getTime()) / 60_000);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/;

/**
 * "2026-12-05T14:00" read in `zone` → the instant, or null when it is not a valid time.
 * A time skipped by a clock change moves forward by the change, as calendar apps do.
 */
export function fromLocalInput(value: string, zone: string): Date | null {
  const m = LOCAL.exec(value.trim());
  if (!m || !isTimeZone(zone)) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(guess).getUTCDate() !== day) return null;
  const first = guess - offsetMinutes(new Date(guess), zone) * 60_000;
  const second = guess - offsetMinutes(new Date(first), zone) * 60_000;
  return new Date(second);
}

/** The instant as a datetime-local value in `zone`. */
export function toLocalInput(date: Date | string, zone: string): string {
  const w = wallClock(new Date(date), safeZone(zone));
  const two = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
}

/** A calendar date typed in a date field ("2026-12-20") as the DATE column holds it, or null. */
export function fromDateInput(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value.trim() ? date : null;
}
