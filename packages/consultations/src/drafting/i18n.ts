import { useRouteLoaderData } from "@remix-run/react";
import { createCatalogueTranslator, DEFAULT_LOCALE, type Params } from "@commons/i18n";
import { common } from "../messages/common.ts";
import { drafting } from "../messages/drafting.ts";

/** The drafting pages ship only their own strings and the common ones. */
const catalogue = { ...common, ...drafting };
export type DraftingKey = keyof typeof catalogue;
export type DraftingT = (key: DraftingKey, params?: Params) => string;

const translators = new Map<string, DraftingT>();

/** The translator for a locale (server side: the person's). */
export function draftingT(locale: string = DEFAULT_LOCALE): DraftingT {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = createCatalogueTranslator({ en: catalogue }, locale) as DraftingT));
  return t;
}

export function useLocale(): string {
  return useRouteLoaderData<{ locale?: string }>("root")?.locale ?? DEFAULT_LOCALE;
}

/** In components: the reader's language, from the portal's root loader. */
export function useDraftingT(): DraftingT {
  return draftingT(useLocale());
}
