import { useRouteLoaderData } from "@remix-run/react";
import { createCatalogueTranslator, DEFAULT_LOCALE, type Params } from "@commons/i18n";
import { common } from "../messages/common.ts";
import { follow } from "../messages/follow.ts";

/** The follow pages ship only their own strings and the common ones. */
const catalogue = { ...common, ...follow } as const;
export type FollowKey = keyof typeof catalogue;
export type FollowT = (key: FollowKey, params?: Params) => string;

const translators = new Map<string, FollowT>();

/** The translator for a locale (server side: the person's). */
export function followT(locale: string = DEFAULT_LOCALE): FollowT {
  let translate = translators.get(locale);
  if (!translate) translators.set(locale, (translate = createCatalogueTranslator({ en: catalogue }, locale) as FollowT));
  return translate;
}

export function useLocale(): string {
  return useRouteLoaderData<{ locale?: string }>("root")?.locale ?? DEFAULT_LOCALE;
}

/** In components: the reader's language, from the portal's root loader. */
export function useFollowT(): FollowT {
  return followT(useLocale());
}

export function paginationLabels(t: FollowT, page: number, pages: number) {
  return {
    nav: t("consultations.follow.pagination.nav"),
    previous: t("consultations.follow.pagination.previous"),
    next: t("consultations.follow.pagination.next"),
    status: t("consultations.follow.pagination.status", { page, pages }),
  };
}
