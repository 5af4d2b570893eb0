import { z } from "zod";

/** The coalition's settings for forums (all defaulted, so it works at once). */
export const settings = z.object({
  /** Largest attachment on a post, in megabytes. */
  attachmentMaxMegabytes: z.number().int().min(1).max(50).default(10),
});

export type ForumsSettings = z.infer<typeof settings>;
