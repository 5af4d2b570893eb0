import { common } from "./messages/common.ts";
import { decisions } from "./messages/decisions.ts";
import { forumNav } from "./messages/forum-nav.ts";
import { notifications } from "./messages/notifications.ts";
import { spaces } from "./messages/spaces.ts";
import { threads } from "./messages/threads.ts";

/**
 * The forums module's English catalogue, keys "forums.…". Each area keeps its strings in
 * src/messages/<area>.ts; they meet here.
 */
export const en = {
  ...common,
  ...forumNav,
  ...spaces,
  ...threads,
  ...decisions,
  ...notifications,
} as const;

export type MessageKey = keyof typeof en;
