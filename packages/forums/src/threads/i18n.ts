import { useRouteLoaderData } from "@remix-run/react";
import { createCatalogueTranslator, DEFAULT_LOCALE, type Params } from "@commons/i18n";
import { common } from "../messages/common.ts";
import { threads } from "../messages/threads.ts";

/** The threads pages ship only their own strings and the common ones. */
const en = { ...common, ...threads } as const;
export type MessageKey = keyof typeof en;
export type ThreadsT = (key: MessageKey, params?: Params) => string;

const translators = new Map<string, ThreadsT>();

/** The translator for a locale (server side: the person's). */
export function threadsT(locale: string = DEFAULT_LOCALE): ThreadsT {
  let translate = translators.get(locale);
  if (!translate) translators.set(locale, (translate = createCatalogueTranslator({ en }, locale) as ThreadsT));
  return translate;
}

export function useLocale(): string {
  return useRouteLoaderData<{ locale?: string }>("root")?.locale ?? DEFAULT_LOCALE;
}

/** In components: the reader's language, from the portal's root loader. */
export function useThreadsT(): ThreadsT {
  return threadsT(useLocale());
}

/** Labels for @commons/ui's Pagination; without `pages` (lists read one row ahead) the status is "Page 3". */
export function paginationLabels(t: ThreadsT, page: number, pages?: number) {
  const status = pages === undefined ? t("forums.threads.pagination.page", { page }) : t("forums.threads.pagination.status", { page, pages });
  return { nav: t("forums.threads.pagination.nav"), previous: t("forums.threads.pagination.previous"), next: t("forums.threads.pagination.next"), status };
}
