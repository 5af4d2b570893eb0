import { useRouteLoaderData } from "@remix-run/react";
import { createCatalogueTranslator, DEFAULT_LOCALE, type Params } from "@commons/i18n";
import { notificationLevels } from "../messages/notifications.ts";

/**
 * Only the level form's strings: thread and forum pages render the form and ship no more
 * (a module of its own, so the notifications area's catalogue stays out of their bundles).
 */
export type LevelFormKey = keyof typeof notificationLevels;
export type LevelFormT = (key: LevelFormKey, params?: Params) => string;

const translators = new Map<string, LevelFormT>();

export function useLevelFormT(): LevelFormT {
  const locale = useRouteLoaderData<{ locale?: string }>("root")?.locale ?? DEFAULT_LOCALE;
  let translate = translators.get(locale);
  if (!translate) translators.set(locale, (translate = createCatalogueTranslator({ en: notificationLevels }, locale) as LevelFormT));
  return translate;
}
