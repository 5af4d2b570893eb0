import { answering } from "./messages/answering.ts";
import { common } from "./messages/common.ts";
import { drafting } from "./messages/drafting.ts";
import { follow } from "./messages/follow.ts";

/**
 * The consultations module's English catalogue, keys "consultations.…". Each area keeps its
 * strings in src/messages/<area>.ts; they meet here.
 */
export const en = {
  ...common,
  ...drafting,
  ...answering,
  ...follow,
} as const;

export type MessageKey = keyof typeof en;
