import { useRouteLoaderData } from "@remix-run/react";
import { createCatalogueTranslator, DEFAULT_LOCALE, type Params } from "@commons/i18n";
import { common } from "../messages/common.ts";
import { notifications } from "../messages/notifications.ts";

/** The notifications area's pages ship only their own strings and the common ones. */
const catalogue = { ...common, ...notifications } as const;
export type NotificationsKey = keyof typeof catalogue;
export type NotificationsT = (key: NotificationsKey, params?: Params) => string;

const translators = new Map<string, NotificationsT>();

/** The translator for a locale (server side: the person's). */
export function notificationsT(locale: string = DEFAULT_LOCALE): NotificationsT {
  let translate = translators.get(locale);
  if (!translate) translators.set(locale, (translate = createCatalogueTranslator({ en: catalogue }, locale) as NotificationsT));
  return translate;
}

export function useLocale(): string {
  return useRouteLoaderData<{ locale?: string }>("root")?.locale ?? DEFAULT_LOCALE;
}

export function useNotificationsT(): NotificationsT {
  return notificationsT(useLocale());
}

