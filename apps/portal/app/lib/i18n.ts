import { useRouteLoaderData } from "@remix-run/react";
import { createTranslator, DEFAULT_LOCALE, type Translate } from "@commons/i18n";
import type { RootData } from "./root-data.ts";

const translators = new Map<string, Translate>();

export function translatorFor(locale: string): Translate {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = createTranslator(locale)));
  return t;
}

/** The translator for the reader's language, in any component. */
export function useT(): Translate {
  const data = useRouteLoaderData<RootData>("root");
  return translatorFor(data?.locale ?? DEFAULT_LOCALE);
}

export function useLocale(): string {
  return useRouteLoaderData<RootData>("root")?.locale ?? DEFAULT_LOCALE;
}

/** Labels for <Pagination>: "Page 2 of 5" when the total is known, else "Page 2". */
export function usePaginationLabels(page: number, pages?: number) {
  const t = useT();
  return {
    nav: t("pagination.label"),
    previous: t("pagination.previous"),
    next: t("pagination.next"),
    status: pages === undefined ? t("pagination.page", { page }) : t("pagination.status", { page, pages }),
  };
}
