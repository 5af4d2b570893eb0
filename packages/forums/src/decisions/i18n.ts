import { useRouteLoaderData } from "@remix-run/react";
import { createCatalogueTranslator, DEFAULT_LOCALE, type Params } from "@commons/i18n";
import { common } from "../messages/common.ts";
import { decisions } from "../messages/decisions.ts";

/**
 * The decisions area's translator (meetings, proposals, the record): its own strings and
 * the module's common ones, so its pages ship only these.
 */
const catalogue = { ...common, ...decisions } as const;
export type DecisionsKey = keyof typeof catalogue;
export type DecisionsT = (key: DecisionsKey, params?: Params) => string;

const translators = new Map<string, DecisionsT>();

/** The translator for a locale (server side: the person's). */
export function decisionsT(locale: string = DEFAULT_LOCALE): DecisionsT {
  let translate = translators.get(locale);
  if (!translate) translators.set(locale, (translate = createCatalogueTranslator({ en: catalogue }, locale) as DecisionsT));
  return translate;
}

export function useLocale(): string {
  return useRouteLoaderData<{ locale?: string }>("root")?.locale ?? DEFAULT_LOCALE;
}

/** In components: the reader's language, from the portal's root loader. */
export function useDecisionsT(): DecisionsT {
  return decisionsT(useLocale());
}

/**
 * Labels for a list's pages. The lists here are not counted (one more row tells whether a
 * next page exists), so the status says the page, not "of N"; `nav` names the list, as a
 * page with two paged lists has two navigation landmarks.
 */
export function paginationLabels(t: DecisionsT, page: number, nav: string) {
  return { nav, previous: t("forums.decisions.pagination.previous"), next: t("forums.decisions.pagination.next"), status: t("forums.decisions.pagination.page", { page }) };
}
