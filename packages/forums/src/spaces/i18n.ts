import { useRouteLoaderData } from "@remix-run/react";
import { createCatalogueTranslator, DEFAULT_LOCALE, type Params } from "@commons/i18n";
import { common } from "../messages/common.ts";
import { forumNav } from "../messages/forum-nav.ts";
import { spaces } from "../messages/spaces.ts";

/**
 * The spaces area's translator: its own strings and the module's common ones, so its pages
 * ship only these (the forum tab bar has its own, smaller one: forum-nav.tsx).
 */
const catalogue = { ...common, ...forumNav, ...spaces } as const;
export type SpacesKey = keyof typeof catalogue;
export type SpacesT = (key: SpacesKey, params?: Params) => string;

const translators = new Map<string, SpacesT>();

/** The translator for a locale (server side: the person's, or the recipient's). */
export function spacesT(locale: string = DEFAULT_LOCALE): SpacesT {
  let translate = translators.get(locale);
  if (!translate) translators.set(locale, (translate = createCatalogueTranslator({ en: catalogue }, locale) as SpacesT));
  return translate;
}

export function useLocale(): string {
  return useRouteLoaderData<{ locale?: string }>("root")?.locale ?? DEFAULT_LOCALE;
}

/** In components: the reader's language, from the portal's root loader. */
export function useSpacesT(): SpacesT {
  return spacesT(useLocale());
}

export function paginationLabels(t: SpacesT, page: number, pages: number) {
  return { nav: t("forums.spaces.pagination.nav"), previous: t("forums.spaces.pagination.previous"), next: t("forums.spaces.pagination.next"), status: t("forums.spaces.pagination.status", { page, pages }) };
}
