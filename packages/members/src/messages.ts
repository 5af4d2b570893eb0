import { common } from "./messages/common.ts";

/**
 * The members module's English catalogue, keys "members.…". Each area of the module keeps
 * its strings in src/messages/<area>.ts; they meet here.
 */
export const en = {
  ...common,
} as const;

export type MessageKey = keyof typeof en;
