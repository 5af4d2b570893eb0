import { z } from "zod";

/** The coalition's settings for forums (all defaulted, so it works at once). */
export const settings = z.object({
  /** Largest attachment on a post, in megabytes. */
  attachmentMaxMegabytes: z.number().int().min(1).max(50).default(10),
  /** The coalition's time zone (IANA name, e.g. "Asia/Manila"): voting windows are typed in it, and meetings are shown in it beside their own zone. */
  timezone: z.string().max(64).default("UTC"),
});

export type ForumsSettings = z.infer<typeof settings>;
