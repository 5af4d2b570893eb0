import { createHash } from "node:crypto";
import { z } from "zod";
import type { MembersT, MessageKey } from "../i18n.ts";
import { listSetting, type MembersSettings } from "../settings.ts";

/** At most this many applications an hour from one network address to one coalition (a bot cannot flood the secretariat). */
export const APPLY_RATE_LIMIT = { limit: 10, windowSeconds: 60 * 60 } as const;

/** What the form offers, from the coalition's settings: an empty list means free text. */
export function formChoices(settings: MembersSettings) {
  return {
    types: listSetting(settings.organisationTypes),
    regions: listSetting(settings.regions),
    sectors: listSetting(settings.sectors),
    charter: settings.charter.trim(),
  };
}

/** A short fingerprint of the charter shown, so a charter changed meanwhile is not agreed to unseen. */
export function charterVersion(charter: string): string {
  return createHash("sha256").update(charter).digest("hex").slice(0, 16);
}

const MAX_SECTORS = 20;

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

/** The fields' rules, with the module's messages. */
export function fieldRules(t: MembersT) {
  const tooLong = (max: number) => t("members.applications.error.tooLong", { max });
  const required = (key: MessageKey, max: number) => z.string(t(key)).trim().min(1, t(key)).max(max, tooLong(max));
  const optional = (max: number) =>
    z
      .string()
      .trim()
      .max(max, tooLong(max))
      .optional()
      .transform((v) => v ?? "");
  const choice = (list: readonly string[], emptyKey: MessageKey) =>
    z
      .string(t(emptyKey))
      .trim()
      .min(1, t(emptyKey))
      .refine((v) => list.includes(v), t("members.applications.error.choice"));
  return { tooLong, required, optional, choice };
}

/** The public application form, shaped by the coalition's lists (type, region, sectors) and charter. */
export function applicationSchema(t: MembersT, settings: MembersSettings) {
  const { types, regions, sectors, charter } = formChoices(settings);
  const { required, optional, choice } = fieldRules(t);
  const sectorsField = sectors.length
    ? z
        .array(z.string())
        .default([])
        .refine((list) => list.every((s) => sectors.includes(s)), t("members.applications.error.sectors"))
        .transform((list) => [...new Set(list)])
    : z
        .string()
        .optional()
        .transform((v) => [...new Set((v ?? "").split(",").map((s) => s.replace(/\s+/g, " ").trim()).filter(Boolean))])
        .refine((list) => list.length <= MAX_SECTORS, t("members.applications.error.tooMany", { max: MAX_SECTORS }))
        .refine((list) => list.every((s) => s.length <= 60), t("members.applications.error.tooLong", { max: 60 }));
  const email = t("members.applications.error.contactEmail");
  return z.object({
    organisationName: required("members.applications.error.organisationName", 200).transform((v) => v.replace(/\s+/g, " ")),
    acronym: optional(40),
    type: types.length ? choice(types, "members.applications.error.type") : required("members.applications.error.type", 100),
    region: regions.length ? choice(regions, "members.applications.error.regionChoose") : required("members.applications.error.region", 100),
    province: optional(100),
    sectors: sectorsField,
    website: optional(300)
      .transform((v) => (v && !/^[a-z][a-z0-9+.-]*:/i.test(v) ? `https://${v}` : v))
      .refine((v) => v === "" || isWebAddress(v), t("members.applications.error.website")),
    description: optional(5000),
    contactName: required("members.applications.error.contactName", 120),
    contactEmail: z.string(email).trim().toLowerCase().pipe(z.email(email).max(254, email)),
    motivation: required("members.applications.error.motivation", 5000),
    charter: charter ? z.literal("agree", t("members.applications.error.charter")) : z.unknown().optional(),
    charterVersion: z.string().optional(),
  });
}

export type ApplicationInput = z.infer<ReturnType<typeof applicationSchema>>;

/** The secretariat's decisions and the applicant's answer: one required text each. */
export function textSchema(t: MembersT, field: string, emptyKey: MessageKey, max = 5000) {
  return z.object({ [field]: fieldRules(t).required(emptyKey, max) });
}
