import { z } from "zod";
import type { MembersT } from "./i18n.ts";
import { listSetting, type MembersSettings } from "../settings.ts";


export { MULTI_FIELDS, TAG_FIELDS, type MultiField } from "./fields.ts";

const MAX_TAGS = 20;
const MAX_TAG = 60;

/** What the edit form offers for each listed field: the coalition's list, or free text when it has none. */
export interface ProfileChoices {
  types: string[];
  regions: string[];
  sectors: string[];
  themes: string[];
  languages: string[];
}

/**
 * The coalition's lists, plus whatever the organisation already has: a value the
 * secretariat later dropped from a list must not stop the organisation from saving.
 */
export function profileChoices(settings: MembersSettings, current?: { type: string; region: string; sectors: string[]; themes: string[]; languages: string[] }): ProfileChoices {
  const withCurrent = (list: string[], values: readonly string[]) => (list.length ? [...new Set([...list, ...values.filter(Boolean)])] : []);
  return {
    types: withCurrent(listSetting(settings.organisationTypes), current ? [current.type] : []),
    regions: withCurrent(listSetting(settings.regions), current ? [current.region] : []),
    sectors: withCurrent(listSetting(settings.sectors), current?.sectors ?? []),
    themes: withCurrent(listSetting(settings.themes), current?.themes ?? []),
    languages: withCurrent(listSetting(settings.languages), current?.languages ?? []),
  };
}

/** "a, b ,, a" → ["a", "b"]. */
export function splitTags(values: readonly string[]): string[] {
  return [...new Set(values.flatMap((v) => v.split(",")).map((v) => v.trim().replace(/\s+/g, " ")).filter(Boolean))];
}

export function profileSchema(t: MembersT, choices: ProfileChoices) {
  const label = (key: Parameters<MembersT>[0]) => t(key).toLowerCase();
  const text = (key: Parameters<MembersT>[0], max: number) =>
    z
      .string({ error: t("members.directory.edit.error.required", { field: label(key) }) })
      .trim()
      .max(max, { error: t("members.directory.edit.error.tooLong", { field: label(key), max }) });
  const required = (key: Parameters<MembersT>[0], max: number) => text(key, max).min(1, { error: t("members.directory.edit.error.required", { field: label(key) }) });
  const optional = (key: Parameters<MembersT>[0], max: number) => z.preprocess((v) => v ?? "", text(key, max));
  const oneOf = (key: Parameters<MembersT>[0], list: string[], max: number) =>
    list.length ? required(key, max).refine((v) => list.includes(v), { error: t("members.directory.edit.error.choose", { field: label(key) }) }) : required(key, max);
  const many = (key: Parameters<MembersT>[0], list: string[]) =>
    z
      .array(z.string())
      .default([])
      // Listed values may hold commas ("Free, prior and informed consent"): only free text is split.
      .transform((values) => (list.length ? [...new Set(values.map((v) => v.trim()).filter(Boolean))] : splitTags(values)))
      .refine((values) => values.length <= MAX_TAGS, { error: t("members.directory.edit.error.tooMany", { field: label(key), max: MAX_TAGS }) })
      .refine((values) => values.every((v) => v.length <= MAX_TAG), { error: t("members.directory.edit.error.tooLong", { field: label(key), max: MAX_TAG }) })
      .refine((values) => !list.length || values.every((v) => list.includes(v)), { error: t("members.directory.edit.error.chooseSome", { field: label(key) }) });
  const maxYear = new Date().getUTCFullYear();
  return z.object({
    name: required("members.directory.edit.name", 200),
    acronym: optional("members.directory.edit.acronym", 30),
    type: oneOf("members.directory.edit.type", choices.types, 100),
    region: oneOf("members.directory.edit.region", choices.regions, 100),
    province: optional("members.directory.edit.province", 100),
    sectors: many("members.directory.edit.sectors", choices.sectors),
    themes: many("members.directory.edit.themes", choices.themes),
    languages: many("members.directory.edit.languages", choices.languages),
    website: optional("members.directory.edit.website", 300).refine((v) => v === "" || (/^https?:\/\/\S+\.\S+$/i.test(v) && URL.canParse(v)), {
      error: t("members.directory.edit.error.website"),
    }),
    email: optional("members.directory.edit.email", 200).refine((v) => v === "" || z.email().safeParse(v).success, { error: t("members.directory.edit.error.email") }).transform((v) => v.toLowerCase()),
    foundedYear: z
      .preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string())
      .refine((v) => v === "" || (/^\d{4}$/.test(v) && Number(v) >= 1800 && Number(v) <= maxYear), { error: t("members.directory.edit.error.year", { max: maxYear }) })
      .transform((v) => (v === "" ? null : Number(v))),
    description: optional("members.directory.edit.description", 5000),
    offers: optional("members.directory.edit.offers", 3000),
    offerTags: many("members.directory.edit.offerTags", []),
    needs: optional("members.directory.edit.needs", 3000),
    needTags: many("members.directory.edit.needTags", []),
    removeLogo: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  });
}

export type ProfileInput = z.infer<ReturnType<typeof profileSchema>>;
