import { useRouteLoaderData } from "@remix-run/react";
import { createCatalogueTranslator, DEFAULT_LOCALE, type Params } from "@commons/i18n";
import { common } from "../messages/common.ts";
import { answering } from "../messages/answering.ts";

/**
 * The answering area's translator: its pages and the question fields (also shown in the
 * drafting preview) ship only these strings and the common ones, not the module's catalogue.
 */
const catalogue = { ...common, ...answering };
export type AnsweringKey = keyof typeof catalogue;
export type AnsweringT = (key: AnsweringKey, params?: Params) => string;

const translators = new Map<string, AnsweringT>();

export function answeringT(locale: string = DEFAULT_LOCALE): AnsweringT {
  let translate = translators.get(locale);
  if (!translate) translators.set(locale, (translate = createCatalogueTranslator({ en: catalogue }, locale) as AnsweringT));
  return translate;
}

/** In components: the reader's language, from the portal's root loader. */
export function useAnsweringT(): AnsweringT {
  return answeringT(useRouteLoaderData<{ locale?: string }>("root")?.locale ?? DEFAULT_LOCALE);
}
