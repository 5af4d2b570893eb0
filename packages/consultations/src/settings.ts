import { z } from "zod";

/** The coalition's settings for consultations (all defaulted, so it works at once). */
export const settings = z.object({
  /** Hours before the deadline at which a new consultation reminds those who have not submitted. */
  reminderHours: z.string().max(200).default("72\n24").meta({ multiline: true }),
  /** Largest attached document, in megabytes. */
  attachmentMaxMegabytes: z.number().int().min(1).max(50).default(10),
  /** The coalition's time zone (IANA name, e.g. "Asia/Manila"): opening times and deadlines are typed and shown in it. */
  timezone: z.string().max(64).default("UTC"),
});

export type ConsultationsSettings = z.infer<typeof settings>;
