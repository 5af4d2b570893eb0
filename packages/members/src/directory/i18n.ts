import { common } from "../messages/common.ts";
import { directory } from "../messages/directory.ts";
import { catalogueTranslators } from "../translate.ts";

export { paginationLabels, useLocale } from "../translate.ts";

/** The directory's pages ship only their own strings and the common ones (the key page on a phone). */
const area = catalogueTranslators({ ...common, ...directory });
export const membersT = area.t;
export const useMembersT = area.useT;
export type MembersT = ReturnType<typeof membersT>;
export type MessageKey = Parameters<MembersT>[0];
