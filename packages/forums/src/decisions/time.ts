// Times typed in a zone and shown in one are @commons/i18n's (zoned-time); the names the
// meetings and proposals servers import stay here.
export { isTimeZone, parseLocalDateTime as fromLocalInput } from "@commons/i18n";

/** A calendar date typed in a date field ("2026-12-20") as the DATE column holds it, or null. */
export function fromDateInput(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value.trim() ? date : null;
}
