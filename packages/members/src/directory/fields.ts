/** Fields that take several values: a checkbox group when the coalition lists them, else comma-separated text. */
export const MULTI_FIELDS = ["sectors", "themes", "languages"] as const;
export const TAG_FIELDS = ["offerTags", "needTags"] as const;
export type MultiField = (typeof MULTI_FIELDS)[number];
