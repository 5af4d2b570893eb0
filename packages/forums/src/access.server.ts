import { redirect } from "@remix-run/node";
import { z } from "zod";
import { guardFor, notFound, type ModuleContext } from "@commons/plugin-sdk/server";
import forums from "../manifest.ts";
import { PERMISSIONS } from "./constants.ts";
import { forumsWhereFor } from "./participants.server.ts";
import type { settings } from "./settings.ts";

export type Ctx = ModuleContext<typeof settings>;
export type Db = Ctx["db"];

/** Every forums route starts here: signed in, a member of the coalition, the permission held. */
export const guard = guardFor(forums);
export { requireId, type ModuleRouteArgs as RouteArgs } from "@commons/plugin-sdk/server";

export interface ForumRow {
  id: string;
  name: string;
  purpose: string;
  rules: string;
  rulesVersion: number;
  access: "OPEN" | "INVITATION";
  publicRecord: boolean;
  participantsPropose: boolean;
  voteUnit: "ORGANISATION" | "PERSON";
  quorumPercent: number;
  thresholdPercent: number;
  blocksStop: boolean;
  stakeholdersVote: boolean;
  publicVotes: boolean;
  votingDays: number;
  archivedAt: Date | null;
  createdAt: Date;
}

/** forumForPerson's one row: the forum, the person's own row (role, removed), their organisation's, their accepted rules version. */
interface EntryRow extends ForumRow {
  ownRole: "PARTICIPANT" | "MODERATOR" | null;
  ownRemoved: boolean;
  organisationIn: boolean;
  acceptedVersion: number | null;
}

/**
 * A person's standing in a forum:
 * - manager: holds forums:manage (the secretariat), whether or not listed as a participant;
 * - moderator: a participant named moderator of this forum;
 * - participant: listed in person, through their organisation, or (OPEN forums) a member.
 */
export type ForumStanding = "manager" | "moderator" | "participant";

export interface ForumEntry {
  forum: ForumRow;
  standing: ForumStanding;
  /** Managers and moderators: hide posts, lock threads, add and remove participants. */
  canModerate: boolean;
  /** The person is a stakeholder (role STAKEHOLDER), in this forum because they were invited. */
  stakeholder: boolean;
  /** The forum has rules this person has not accepted in their current version. */
  mustAcceptRules: boolean;
}

/**
 * The one place that decides who may enter a forum. Returns the forum and the person's
 * standing in it, or null (answer 404: not there and not yours look the same).
 * - A person's own participant row decides first: removed means out, whatever else holds.
 * - Stakeholders enter only where they are participants in person.
 * - Members enter through their organisation's row, or any OPEN forum.
 * - Managers (forums:manage) enter every forum of the coalition.
 * One statement: the forum, the person's own row and their organisation's, and their rules
 * acceptance (row-level security and an explicit filter keep it to this coalition).
 */
export async function forumForPerson(ctx: Pick<Ctx, "db" | "person" | "can">, forumId: string): Promise<ForumEntry | null> {
  if (!z.uuid().safeParse(forumId).success) return null;
  const { db, person } = ctx;
  const [found] = await db.$queryRaw<EntryRow[]>`
    SELECT f.id, f.name, f.purpose, f.rules, f.rules_version AS "rulesVersion", f.access::text AS access,
           f.public_record AS "publicRecord", f.participants_propose AS "participantsPropose", f.vote_unit::text AS "voteUnit",
           f.quorum_percent AS "quorumPercent", f.threshold_percent AS "thresholdPercent", f.blocks_stop AS "blocksStop",
           f.stakeholders_vote AS "stakeholdersVote", f.public_votes AS "publicVotes", f.voting_days AS "votingDays",
           f.archived_at AS "archivedAt", f.created_at AS "createdAt",
           own.role::text AS "ownRole", own.removed_at IS NOT NULL AS "ownRemoved",
           EXISTS (
             SELECT 1 FROM forum_participants p
             WHERE p.tenant_id = f.tenant_id AND p.forum_id = f.id AND p.organisation_id = ${person.organisationId}::uuid AND p.removed_at IS NULL
           ) AS "organisationIn",
           (SELECT a.rules_version FROM forum_rules_acceptances a WHERE a.tenant_id = f.tenant_id AND a.forum_id = f.id AND a.user_id = ${person.id}::uuid) AS "acceptedVersion"
    FROM forums f
    LEFT JOIN forum_participants own ON own.tenant_id = f.tenant_id AND own.forum_id = f.id AND own.user_id = ${person.id}::uuid
    WHERE f.tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND f.id = ${forumId}::uuid`;
  if (!found) return null;
  const { ownRole, ownRemoved, organisationIn, acceptedVersion, ...row } = found;
  const stakeholder = person.role === "STAKEHOLDER";
  const organisation = !stakeholder && organisationIn;
  const manager = !stakeholder && ctx.can(PERMISSIONS.manage);

  let standing: ForumStanding | null = null;
  if (manager) standing = "manager";
  else if (ownRemoved) standing = null;
  else if (ownRole) standing = ownRole === "MODERATOR" ? "moderator" : "participant";
  else if (organisation) standing = "participant";
  else if (!stakeholder && row.access === "OPEN") standing = "participant";
  if (!standing) return null;

  const hasRules = row.rules.trim() !== "";
  return {
    forum: row,
    standing,
    canModerate: standing === "manager" || standing === "moderator",
    stakeholder,
    mustAcceptRules: hasRules && (acceptedVersion ?? 0) < row.rulesVersion,
  };
}

/** The forum pages' URLs, from the tab bar's names. */
export function forumPath(slug: string, forumId: string, page: "" | "meetings" | "record" | "participants" | "rules" | "settings" = "") {
  return `/c/${slug}/forums/${forumId}${page ? `/${page}` : ""}`;
}

/**
 * For every forum page's loader and action: the person's entry, or a thrown 404; and, until
 * they accept the forum's current rules, a redirect to the rules page (which passes
 * `{ rulesGate: false }`, as does settings for managers fixing the rules).
 */
export async function enterForum(ctx: Pick<Ctx, "db" | "person" | "can" | "tenant">, forumId: string, options: { rulesGate?: boolean; request?: Request } = {}): Promise<ForumEntry> {
  const entry = await forumForPerson(ctx, forumId);
  if (!entry) throw notFound();
  if (entry.mustAcceptRules && options.rulesGate !== false) {
    const rules = forumPath(ctx.tenant.slug, entry.forum.id, "rules");
    const back = options.request && options.request.method === "GET" ? new URL(options.request.url) : null;
    throw redirect(back ? `${rules}?next=${encodeURIComponent(back.pathname + back.search)}` : rules);
  }
  return entry;
}

/** What the forum's header and tab bar need (src/spaces/forum-nav.tsx), as loader data. */
export interface ForumNavData {
  slug: string;
  forumId: string;
  name: string;
  publicRecord: boolean;
  archived: boolean;
  canManage: boolean;
  canModerate: boolean;
}

export function forumNav(ctx: Pick<Ctx, "tenant">, entry: ForumEntry): ForumNavData {
  return {
    slug: ctx.tenant.slug,
    forumId: entry.forum.id,
    name: entry.forum.name,
    publicRecord: entry.forum.publicRecord,
    archived: !!entry.forum.archivedAt,
    canManage: entry.standing === "manager",
    canModerate: entry.canModerate,
  };
}

/**
 * Which forums a person sees listed (the forums index): every forum for managers; for a
 * stakeholder only those with their own row; for members also their organisation's and the
 * OPEN ones. Rows where the person was removed in person are left out.
 */
export function visibleForumsWhere(ctx: Pick<Ctx, "person" | "can">) {
  return forumsWhereFor(ctx.person, ctx.person.role !== "STAKEHOLDER" && ctx.can(PERMISSIONS.manage));
}

export { participantsOf, type ForumPerson } from "./participants.server.ts";

/** One entry of the coalition's activity record (moderation, participants, settings), in the caller's transaction. */
export function recordActivity(
  ctx: Pick<Ctx, "db" | "tenant" | "person">,
  action: `forums.${string}`,
  subject: { type: string; id: string },
  data: Record<string, string | number | boolean | null>,
) {
  return ctx.db.activity.create({
    data: { tenantId: ctx.tenant.id, actorId: ctx.person.id, action, subjectType: subject.type, subjectId: subject.id, data },
  });
}
