import { useRouteLoaderData } from "@remix-run/react";
import { createCatalogueTranslator, DEFAULT_LOCALE, type Params } from "@commons/i18n";
import type { common } from "./messages/common.ts";

/**
 * Translators over a catalogue of the module's messages. Each area's pages use a catalogue
 * of their own strings plus the common ones (src/<area>/i18n.ts), so a page ships only the
 * strings it can show: the whole module's catalogue would add 9 KB to a phone's first load.
 */
export function catalogueTranslators<C extends Readonly<Record<string, string>>>(en: C) {
  type Translate = (key: keyof C & string, params?: Params) => string;
  const catalogues = { en };
  const translators = new Map<string, Translate>();
  /** The translator for a locale (server side: the person's, or the request's). */
  const t = (locale: string = DEFAULT_LOCALE): Translate => {
    let translate = translators.get(locale);
    if (!translate) translators.set(locale, (translate = createCatalogueTranslator(catalogues, locale) as Translate));
    return translate;
  };
  /** In components: the reader's language, from the portal's root loader. */
  const useT = (): Translate => t(useLocale());
  return { t, useT };
}

export function useLocale(): string {
  return useRouteLoaderData<{ locale?: string }>("root")?.locale ?? DEFAULT_LOCALE;
}

type CommonT = (key: keyof typeof common, params?: Params) => string;

export function paginationLabels(t: CommonT, page: number, pages: number) {
  return { nav: t("members.pagination.nav"), previous: t("members.pagination.previous"), next: t("members.pagination.next"), status: t("members.pagination.status", { page, pages }) };
}
