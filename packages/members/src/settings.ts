import { z } from "zod";
import { DEFAULT_ORGANISATION_TYPES } from "./constants.ts";

const DEFAULT_CHARTER = [
  "Members of this coalition agree to:",
  "1. share information about their work openly with the other members;",
  "2. take part in the coalition's consultations and decisions in good faith;",
  "3. respect the safety and the consent of the communities they work with;",
  "4. declare any conflict of interest with companies or government offices in the coalition's field.",
].join("\n");

/** One entry per line; blank lines and surrounding spaces ignored. */
const list = (fallback: readonly string[] = []) => z.string().max(20_000).default(fallback.join("\n")).meta({ multiline: true });

/**
 * The coalition's settings for the members module (all defaulted, so it works at once).
 * Lists are one entry per line; an empty list accepts any value (and the directory's
 * filters offer what the organisations actually have).
 */
export const settings = z.object({
  /** Anyone, signed in or not, may browse the directory and the organisation profiles. */
  publicDirectory: z.boolean().default(false),
  /** The public application form is open. */
  acceptApplications: z.boolean().default(true),
  charter: z.string().max(20_000).default(DEFAULT_CHARTER).meta({ multiline: true }),
  organisationTypes: list(DEFAULT_ORGANISATION_TYPES),
  regions: list(),
  sectors: list(),
  themes: list(),
  languages: list(),
});

export type MembersSettings = z.infer<typeof settings>;

/** The entries of a one-per-line setting. */
export function listSetting(value: string): string[] {
  return [...new Set(value.split("\n").map((line) => line.trim()).filter(Boolean))];
}
