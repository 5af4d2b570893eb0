import { en, type MessageKey } from "./catalogues/en.ts";

export type { MessageKey };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const catalogues: Record<string, Partial<Record<MessageKey, string>>> = { en };
export const SUPPORTED_LOCALES = Object.keys(catalogues);
export const DEFAULT_LOCALE = "en";

/** Picks the best supported locale from an Accept-Language header (or a stored choice). */
export function negotiateLocale(acceptLanguage: string | null | undefined): string {
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim().toLowerCase();
    if (!tag) continue;
    const base = tag.split("-")[0]!;
    if (SUPPORTED_LOCALES.includes(tag)) return tag;
    if (SUPPORTED_LOCALES.includes(base)) return base;
  }
  return DEFAULT_LOCALE;
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** `{n, plural, one {# thing} other {# things}}` and `{name}` placeholders. */
function format(template: string, locale: string, params: Params): string {
  const plural = /\{(\w+), plural, ((?:\w+ \{[^}]*\}\s*)+)\}/g;
  const withPlurals = template.replace(plural, (_m, name: string, cases: string) => {
    const n = Number(params[name] ?? 0);
    let rules = pluralRules.get(locale);
    if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
    const options = Object.fromEntries([...cases.matchAll(/(\w+) \{([^}]*)\}/g)].map((c) => [c[1], c[2]]));
    const chosen = options[`=${n}`] ?? options[rules.select(n)] ?? options.other ?? "";
    return chosen.replace(/#/g, new Intl.NumberFormat(locale).format(n));
  });
  return withPlurals.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function createTranslator(locale: string = DEFAULT_LOCALE): Translate {
  const catalogue = catalogues[locale] ?? en;
  return (key, params = {}) => format(catalogue[key] ?? en[key] ?? key, locale, params);
}

/** Message catalogues by locale, keyed by message id; "en" is the fallback for missing keys. */
export type Catalogues = Readonly<Record<string, Readonly<Record<string, string>>>>;
export type TranslateAny = (key: string, params?: Params) => string;

/**
 * A translator over someone else's catalogues (a module's messages), with the same
 * placeholder and plural rules as the core's: missing locale → English → the key itself.
 */
export function createCatalogueTranslator(messages: Catalogues, locale: string = DEFAULT_LOCALE): TranslateAny {
  const catalogue = messages[locale] ?? messages[locale.split("-")[0]!] ?? messages.en ?? {};
  const fallback = messages.en ?? {};
  return (key, params = {}) => format(catalogue[key] ?? fallback[key] ?? key, locale, params);
}

// Building an Intl formatter costs far more than using one; a table of 25 dates would
// otherwise build 25. Keyed by kind, locale and time zone.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}

export function formatDateTime(date: Date | string, locale: string, timeZone = "UTC"): string {
  return cached(`dt|${locale}|${timeZone}`, () =>
    new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone, timeZoneName: "short" }),
  ).format(new Date(date));
}

export function formatDate(date: Date | string, locale: string, timeZone = "UTC"): string {
  return cached(`d|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone })).format(new Date(date));
}

export function formatNumber(value: number, locale: string): string {
  return cached(`n|${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

export { TIME_ZONES, isTimeZone, safeZone, parseLocalDateTime, toLocalInput, zoneName, formatInZone, formatWithZone } from "./zoned-time.ts";
