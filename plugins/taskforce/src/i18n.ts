import { en, type MessageKey } from "./messages.ts";

export type { MessageKey };
export type Params = Record<string, string | number>;

/**
 * A tiny translator over the plugin's own catalogue; `{name}` placeholders are filled in.
 * React escapes the result, so names and titles in params are safe in the page.
 */
export function t(key: MessageKey, params?: Params): string {
  const template: string = en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function paginationLabels(page: number, pages: number) {
  return {
    nav: t("taskforce.pagination.nav"),
    previous: t("taskforce.pagination.previous"),
    next: t("taskforce.pagination.next"),
    status: t("taskforce.pagination.status", { page, pages }),
  };
}
