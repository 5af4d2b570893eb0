import { applications } from "./messages/applications.ts";
import { common } from "./messages/common.ts";
import { directory } from "./messages/directory.ts";
import { importing } from "./messages/import.ts";
import { people } from "./messages/people.ts";

/**
 * The members module's English catalogue, keys "members.…". Each area of the module keeps
 * its strings in src/messages/<area>.ts; they meet here.
 */
export const en = {
  ...common,
  ...directory,
  ...applications,
  ...importing,
  ...people,
} as const;

export type MessageKey = keyof typeof en;
