import { useRouteLoaderData } from "@remix-run/react";
import { createCatalogueTranslator, DEFAULT_LOCALE, type Params } from "@commons/i18n";
import { en, type MessageKey } from "./messages.ts";

export type { MessageKey };
export type MembersT = (key: MessageKey, params?: Params) => string;

const catalogues = { en };
const translators = new Map<string, MembersT>();

/** The module's translator for a locale (server side: the person's, or the request's). */
export function membersT(locale: string = DEFAULT_LOCALE): MembersT {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = createCatalogueTranslator(catalogues, locale) as MembersT));
  return t;
}

/** In components: the reader's language, from the portal's root loader. */
export function useMembersT(): MembersT {
  const root = useRouteLoaderData<{ locale?: string }>("root");
  return membersT(root?.locale ?? DEFAULT_LOCALE);
}

export function useLocale(): string {
  return useRouteLoaderData<{ locale?: string }>("root")?.locale ?? DEFAULT_LOCALE;
}

export function paginationLabels(t: MembersT, page: number, pages: number) {
  return { nav: t("members.pagination.nav"), previous: t("members.pagination.previous"), next: t("members.pagination.next"), status: t("members.pagination.status", { page, pages }) };
}
