import { en, type MessageKey } from "./messages.ts";
import { catalogueTranslators } from "./translate.ts";

export type { MessageKey };
export { paginationLabels, useLocale } from "./translate.ts";

/** The whole module's catalogue: for server code and pages that span areas. */
const all = catalogueTranslators(en);
export const membersT = all.t;
export const useMembersT = all.useT;
export type MembersT = ReturnType<typeof membersT>;
