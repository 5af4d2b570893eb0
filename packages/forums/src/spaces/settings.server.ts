import { z } from "zod";
import { validateForm } from "@commons/plugin-sdk/forms";
import type { FormErrors } from "@commons/plugin-sdk/forms";
import { recordActivity, type Ctx } from "../access.server.ts";
import type { SpacesT } from "./i18n.ts";

export const NAME_MAX = 120;
export const PURPOSE_MAX = 2_000;
export const RULES_MAX = 20_000;

const checkbox = z.preprocess((v) => v === "on" || v === "true", z.boolean());

/** A forum's settings form: what it is, who may enter, and its default decision rule. */
export function forumSettingsSchema(t: SpacesT) {
  const whole = (field: string, min: number, max: number) =>
    z.coerce
      .number(t("forums.spaces.form.number", { field, min, max }))
      .int(t("forums.spaces.form.number", { field, min, max }))
      .min(min, t("forums.spaces.form.number", { field, min, max }))
      .max(max, t("forums.spaces.form.number", { field, min, max }));
  return z.object({
    name: z
      .string(t("forums.spaces.form.nameRequired"))
      .trim()
      .min(1, t("forums.spaces.form.nameRequired"))
      .max(NAME_MAX, t("forums.spaces.form.tooLong", { max: NAME_MAX })),
    purpose: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().trim().max(PURPOSE_MAX, t("forums.spaces.form.tooLong", { max: PURPOSE_MAX }))),
    // Browsers send line breaks as CRLF: the stored rules (and whether they changed) should not depend on it.
    rules: z.preprocess(
      (v) => (typeof v === "string" ? v.replace(/\r\n/g, "\n") : ""),
      z.string().trim().max(RULES_MAX, t("forums.spaces.form.tooLong", { max: RULES_MAX })),
    ),
    access: z.enum(["OPEN", "INVITATION"], t("forums.spaces.form.choose")),
    publicRecord: checkbox,
    proposers: z.enum(["participants", "moderators"], t("forums.spaces.form.choose")),
    voteUnit: z.enum(["ORGANISATION", "PERSON"], t("forums.spaces.form.choose")),
    quorumPercent: whole(t("forums.spaces.field.quorumPercent"), 0, 100),
    thresholdPercent: whole(t("forums.spaces.field.thresholdPercent"), 1, 100),
    blocksStop: checkbox,
    stakeholdersVote: checkbox,
    publicVotes: checkbox,
    votingDays: whole(t("forums.spaces.field.votingDays"), 1, 60),
  });
}

export type ForumSettings = z.infer<ReturnType<typeof forumSettingsSchema>>;

/** A saved forum as the form's values. */
export function settingsValues(forum: {
  name: string;
  purpose: string;
  rules: string;
  access: string;
  publicRecord: boolean;
  participantsPropose: boolean;
  voteUnit: string;
  quorumPercent: number;
  thresholdPercent: number;
  blocksStop: boolean;
  stakeholdersVote: boolean;
  publicVotes: boolean;
  votingDays: number;
}): Record<string, string> {
  const on = (b: boolean) => (b ? "on" : "");
  return {
    name: forum.name,
    purpose: forum.purpose,
    rules: forum.rules,
    access: forum.access,
    publicRecord: on(forum.publicRecord),
    proposers: forum.participantsPropose ? "participants" : "moderators",
    voteUnit: forum.voteUnit,
    quorumPercent: String(forum.quorumPercent),
    thresholdPercent: String(forum.thresholdPercent),
    blocksStop: on(forum.blocksStop),
    stakeholdersVote: on(forum.stakeholdersVote),
    publicVotes: on(forum.publicVotes),
    votingDays: String(forum.votingDays),
  };
}

function columns(s: ForumSettings) {
  const { proposers, ...rest } = s;
  return { ...rest, participantsPropose: proposers === "participants" };
}

/** Whoever writes the rules has accepted them: they go on to the forum without the gate. */
function acceptOwnRules(ctx: Ctx, forumId: string, rulesVersion: number) {
  const key = { tenantId: ctx.tenant.id, forumId, userId: ctx.person.id };
  return ctx.db.forumRulesAcceptance.upsert({ where: { tenantId_forumId_userId: key }, create: { ...key, rulesVersion }, update: { rulesVersion, acceptedAt: new Date() }, select: { id: true } });
}

export type SaveResult = { ok: true; forumId: string } | { ok: false; errors: FormErrors };

/** Another forum of this coalition already has this name (any case)? */
async function nameTaken(db: Ctx["db"], name: string, exceptId?: string) {
  const other = await db.forum.findFirst({ where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  return !!other;
}

/** Validates and creates a forum, with the creator's activity entry. */
export async function createForum(ctx: Ctx, form: FormData, t: SpacesT): Promise<SaveResult> {
  const parsed = validateForm(form, forumSettingsSchema(t));
  if (!parsed.ok) return parsed;
  if (await nameTaken(ctx.db, parsed.data.name)) return { ok: false, errors: { name: t("forums.spaces.form.nameTaken") } };
  const forum = await ctx.db.forum.create({ data: { tenantId: ctx.tenant.id, ...columns(parsed.data), createdById: ctx.person.id }, select: { id: true, name: true } });
  await recordActivity(ctx, "forums.forum_created", { type: "forum", id: forum.id }, { forum: forum.name, access: parsed.data.access });
  await acceptOwnRules(ctx, forum.id, 1);
  return { ok: true, forumId: forum.id };
}

/**
 * Validates and saves a forum's settings. Changed rules raise rulesVersion, so every
 * participant accepts them again before they go on.
 */
export async function updateForum(ctx: Ctx, forumId: string, form: FormData, t: SpacesT): Promise<SaveResult & { rulesChanged?: boolean }> {
  const parsed = validateForm(form, forumSettingsSchema(t));
  if (!parsed.ok) return parsed;
  if (await nameTaken(ctx.db, parsed.data.name, forumId)) return { ok: false, errors: { name: t("forums.spaces.form.nameTaken") } };
  const before = await ctx.db.forum.findFirstOrThrow({ where: { id: forumId }, select: { rules: true, rulesVersion: true } });
  const rulesChanged = before.rules !== parsed.data.rules;
  const rulesVersion = rulesChanged ? before.rulesVersion + 1 : before.rulesVersion;
  await ctx.db.forum.update({ where: { tenantId_id: { tenantId: ctx.tenant.id, id: forumId } }, data: { ...columns(parsed.data), rulesVersion }, select: { id: true } });
  await recordActivity(ctx, "forums.forum_settings_changed", { type: "forum", id: forumId }, { forum: parsed.data.name, rulesChanged, rulesVersion });
  if (rulesChanged) await acceptOwnRules(ctx, forumId, rulesVersion);
  return { ok: true, forumId, rulesChanged };
}

/**
 * Archives a forum (its pages stay readable; the threads and decisions areas refuse new
 * posts, meetings and proposals) or reopens it.
 */
export async function setArchived(ctx: Ctx, forumId: string, archive: boolean) {
  const changed = await ctx.db.forum.updateMany({ where: { id: forumId, archivedAt: archive ? null : { not: null } }, data: { archivedAt: archive ? new Date() : null } });
  if (!changed.count) return false;
  const { name } = await ctx.db.forum.findFirstOrThrow({ where: { id: forumId }, select: { name: true } });
  await recordActivity(ctx, archive ? "forums.forum_archived" : "forums.forum_reopened", { type: "forum", id: forumId }, { forum: name });
  return true;
}
