import { useRouteLoaderData } from "@remix-run/react";
import { createTranslator, DEFAULT_LOCALE, type Translate } from "@commons/i18n";
import type { RootData } from "./root-data.ts";

const translators = new Map<string, Translate>();

export function translatorFor(locale: string): Translate {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = createTranslator(locale)));
  return t;
}

/** The translator for the reader's language, in any component. */
export function useT(): Translate {
  const data = useRouteLoaderData<RootData>("root");
  return translatorFor(data?.locale ?? DEFAULT_LOCALE);
}

export function useLocale(): string {
  return useRouteLoaderData<RootData>("root")?.locale ?? DEFAULT_LOCALE;
}
