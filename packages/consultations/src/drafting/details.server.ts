import { z } from "zod";
import { AUDIENCE_KINDS, MODES, VISIBILITIES } from "../constants.ts";
import type { Db, DraftedConsultation } from "./access.server.ts";
import type { DraftingT } from "./i18n.ts";
import { formatInZone, parseLocalDateTime } from "@commons/i18n";

export const LIST_FIELDS = ["regions", "sectors", "themes"] as const;
export const MAX_FILTER_VALUES = 100;

/** "72\n24" → [72, 24]; null when a line is not a whole number of hours from 1 to 720. */
export function parseReminderHours(value: string): number[] | null {
  const lines = value.split(/[\n,]/).map((l) => l.trim()).filter(Boolean);
  if (lines.length > 10) return null;
  const hours = lines.map((l) => (/^\d{1,3}$/.test(l) ? Number(l) : NaN));
  if (hours.some((h) => !Number.isInteger(h) || h < 1 || h > 720)) return null;
  return [...new Set(hours)].sort((a, b) => b - a);
}

interface SchemaOptions {
  t: DraftingT;
  zone: string;
  locale: string;
  now: Date;
  /** The consultation being edited (null for a new one): what is locked follows its status. */
  current: Pick<DraftedConsultation, "status" | "deadline"> | null;
}

/**
 * The consultation's details as the form sends them. Which fields count depends on the
 * status: a draft takes everything; once opened (or scheduled) the audience, the mode and
 * the visibility are fixed and the deadline may only move later; once closed only the texts.
 */
export function detailsSchema({ t, zone, locale, now, current }: SchemaOptions) {
  const status = current?.status ?? "DRAFT";
  const text = (max: number) => z.preprocess((v) => v ?? "", z.string().trim().max(max, { error: t("consultations.drafting.error.tooLong", { max }) }));
  const when = z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : ""),
    z.string().transform((value, ctx) => {
      if (!value) return null;
      const date = parseLocalDateTime(value, zone);
      if (!date) {
        ctx.addIssue({ code: "custom", message: t("consultations.drafting.error.dateFormat") });
        return z.NEVER;
      }
      return date;
    }),
  );
  const list = z.array(z.string().trim().min(1).max(100)).max(MAX_FILTER_VALUES, { error: t("consultations.drafting.error.tooMany", { max: MAX_FILTER_VALUES }) }).default([]);
  const choose = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: t("consultations.drafting.error.choose") });
  return z
    .object({
      title: z.preprocess((v) => v ?? "", z.string().trim().min(1, { error: t("consultations.drafting.error.titleRequired") }).max(200, { error: t("consultations.drafting.error.tooLong", { max: 200 }) })),
      purpose: text(2000),
      background: text(20_000),
      audienceKind: status === "DRAFT" ? choose(AUDIENCE_KINDS) : z.unknown().optional().transform(() => undefined),
      regions: list,
      sectors: list,
      themes: list,
      includeStakeholders: z.preprocess((v) => v === "on", z.boolean()),
      mode: status === "DRAFT" ? choose(MODES) : z.unknown().optional().transform(() => undefined),
      visibility: status === "DRAFT" ? choose(VISIBILITIES) : z.unknown().optional().transform(() => undefined),
      opensAt: when,
      deadline: when,
      reminderHours: z.preprocess((v) => v ?? "", z.string().max(200)).transform((value, ctx) => {
        const hours = parseReminderHours(value);
        if (!hours) {
          ctx.addIssue({ code: "custom", message: t("consultations.drafting.error.reminderHours") });
          return z.NEVER;
        }
        return hours;
      }),
    })
    .superRefine((d, ctx) => {
      if (d.audienceKind === "FILTERED" && !d.regions.length && !d.sectors.length && !d.themes.length) {
        ctx.addIssue({ code: "custom", path: ["audienceKind"], message: t("consultations.drafting.error.noFilters") });
      }
      if (status === "DRAFT" || status === "SCHEDULED" || status === "OPEN") {
        if (d.deadline && d.deadline <= now) ctx.addIssue({ code: "custom", path: ["deadline"], message: t("consultations.drafting.error.deadlinePast") });
        else if (status === "OPEN" && current?.deadline && (!d.deadline || d.deadline < current.deadline)) {
          ctx.addIssue({ code: "custom", path: ["deadline"], message: t("consultations.drafting.error.deadlineEarlier", { deadline: formatInZone(current.deadline, locale, zone) }) });
        }
      }
      if ((status === "DRAFT" || status === "SCHEDULED") && d.opensAt && d.deadline && d.opensAt >= d.deadline) {
        ctx.addIssue({ code: "custom", path: ["opensAt"], message: t("consultations.drafting.error.opensAfterDeadline") });
      }
    });
}

export type DetailsInput = z.infer<ReturnType<typeof detailsSchema>>;

/** The columns a valid form writes, by status (locked fields left as they are). */
export function detailsData(input: DetailsInput, status: DraftedConsultation["status"]) {
  const texts = { title: input.title, purpose: input.purpose, background: input.background };
  if (status === "CLOSED") return texts;
  if (status === "OPEN") return { ...texts, deadline: input.deadline, reminderHours: input.reminderHours };
  const timing = { opensAt: input.opensAt, deadline: input.deadline, reminderHours: input.reminderHours };
  // Clearing a scheduled opening time means "I will open it myself": back to a draft.
  if (status === "SCHEDULED") return { ...texts, ...timing, ...(input.opensAt ? {} : { status: "DRAFT" as const }) };
  const kind = input.audienceKind!;
  return {
    ...texts,
    ...timing,
    audienceKind: kind,
    // Filters are kept only for a filtered audience, so a switch back to "all" asks all.
    audienceRegions: kind === "FILTERED" ? input.regions : [],
    audienceSectors: kind === "FILTERED" ? input.sectors : [],
    audienceThemes: kind === "FILTERED" ? input.themes : [],
    includeStakeholders: input.includeStakeholders,
    mode: input.mode!,
    visibility: input.visibility!,
  };
}

export interface AudienceChoices {
  regions: string[];
  sectors: string[];
  themes: string[];
}

const lines = (value: unknown) => (typeof value === "string" ? value.split("\n").map((l) => l.trim()).filter(Boolean) : []);

/**
 * What the filters offer: the members module's lists (when the coalition keeps them) and
 * every value active organisations have, plus what the consultation already filters on.
 * Two queries.
 */
export async function audienceChoices(db: Db, tenantId: string, current?: Pick<DraftedConsultation, "audienceRegions" | "audienceSectors" | "audienceThemes">): Promise<AudienceChoices> {
  const [membersSettings, values] = await Promise.all([
    db.moduleSetting.findFirst({ where: { moduleId: "members" }, select: { settings: true } }),
    db.$queryRaw<{ kind: string; value: string }[]>`
      SELECT 'region' AS kind, region AS value FROM organisations WHERE tenant_id = ${tenantId}::uuid AND status = 'ACTIVE' AND region <> ''
      UNION SELECT 'sector', unnest(sectors) FROM organisations WHERE tenant_id = ${tenantId}::uuid AND status = 'ACTIVE'
      UNION SELECT 'theme', unnest(themes) FROM organisations WHERE tenant_id = ${tenantId}::uuid AND status = 'ACTIVE'`,
  ]);
  const kept = (membersSettings?.settings ?? {}) as Record<string, unknown>;
  const merge = (kind: string, setting: unknown, chosen: readonly string[] = []) =>
    [...new Set([...lines(setting), ...values.filter((v) => v.kind === kind && v.value.trim()).map((v) => v.value), ...chosen])].sort((a, b) => a.localeCompare(b));
  return {
    regions: merge("region", kept.regions, current?.audienceRegions),
    sectors: merge("sector", kept.sectors, current?.audienceSectors),
    themes: merge("theme", kept.themes, current?.audienceThemes),
  };
}

/** The settings' reminder hours as the form's text. */
export function reminderHoursText(hours: readonly number[]): string {
  return hours.join("\n");
}
