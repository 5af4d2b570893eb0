import { redirect } from "@remix-run/node";
import { z } from "zod";
import { notFound, withModule, type ModuleContext, type RequestContext } from "@commons/plugin-sdk/server";
import forums from "../manifest.ts";
import { PERMISSIONS } from "./constants.ts";
import type { settings } from "./settings.ts";

export type Ctx = ModuleContext<typeof settings>;
export type Db = Ctx["db"];

/** What a loader or action is called with (the portal's load context satisfies RequestContext). */
export interface RouteArgs {
  request: Request;
  context: unknown;
  params: Record<string, string | undefined>;
}

/** Every forums route starts here: signed in, a member of the coalition, the permission held. */
export function guard<T>(args: RouteArgs, permission: string | null, work: (ctx: Ctx) => Promise<T>): Promise<T> {
  return withModule({ request: args.request, context: args.context as RequestContext, params: args.params }, forums, permission, work);
}

/** Ids come from URLs and hidden fields: anything but a UUID is a page that does not exist. */
export function requireId(value: unknown): string {
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

/** The forum's columns every forum page may need (its decision rule included). */
const FORUM_COLUMNS = {
  id: true,
  name: true,
  purpose: true,
  rules: true,
  rulesVersion: true,
  access: true,
  publicRecord: true,
  participantsPropose: true,
  voteUnit: true,
  quorumPercent: true,
  thresholdPercent: true,
  blocksStop: true,
  stakeholdersVote: true,
  publicVotes: true,
  votingDays: true,
  archivedAt: true,
  createdAt: true,
} as const;

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
 * Two statements: the forum with the person's rows, and their rules acceptance.
 */
export async function forumForPerson(ctx: Pick<Ctx, "db" | "person" | "can">, forumId: string): Promise<ForumEntry | null> {
  if (!z.uuid().safeParse(forumId).success) return null;
  const { db, person } = ctx;
  const mine = person.organisationId ? [{ userId: person.id }, { organisationId: person.organisationId }] : [{ userId: person.id }];
  const [forum, acceptance] = await Promise.all([
    db.forum.findFirst({
      where: { id: forumId },
      select: { ...FORUM_COLUMNS, participants: { where: { OR: mine }, select: { userId: true, organisationId: true, role: true, removedAt: true } } },
    }),
    db.forumRulesAcceptance.findFirst({ where: { forumId, userId: person.id }, select: { rulesVersion: true } }),
  ]);
  if (!forum) return null;
  const { participants, ...row } = forum;
  const stakeholder = person.role === "STAKEHOLDER";
  const own = participants.find((p) => p.userId === person.id);
  const organisation = stakeholder ? undefined : participants.find((p) => p.organisationId && p.organisationId === person.organisationId && !p.removedAt);
  const manager = !stakeholder && ctx.can(PERMISSIONS.manage);

  let standing: ForumStanding | null = null;
  if (manager) standing = "manager";
  else if (own?.removedAt) standing = null;
  else if (own) standing = own.role === "MODERATOR" ? "moderator" : "participant";
  else if (organisation) standing = "participant";
  else if (!stakeholder && row.access === "OPEN") standing = "participant";
  if (!standing) return null;

  const hasRules = row.rules.trim() !== "";
  return {
    forum: row,
    standing,
    canModerate: standing === "manager" || standing === "moderator",
    stakeholder,
    mustAcceptRules: hasRules && (acceptance?.rulesVersion ?? 0) < row.rulesVersion,
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
  const { person } = ctx;
  const stakeholder = person.role === "STAKEHOLDER";
  if (!stakeholder && ctx.can(PERMISSIONS.manage)) return {};
  const removedInPerson = { participants: { none: { userId: person.id, removedAt: { not: null } } } };
  const ownRow = { participants: { some: { userId: person.id, removedAt: null } } };
  if (stakeholder) return ownRow;
  const ways: object[] = [ownRow, { access: "OPEN" as const }];
  if (person.organisationId) ways.push({ participants: { some: { organisationId: person.organisationId, removedAt: null } } });
  return { AND: [removedInPerson, { OR: ways }] };
}

/** Someone who is in a forum, as mentions, digests and eligible voters need them. */
export interface ForumPerson {
  userId: string;
  name: string;
  organisationId: string | null;
  organisationName: string | null;
  /** A STAKEHOLDER: votes only where the decision rule includes stakeholders. */
  stakeholder: boolean;
  moderator: boolean;
  /** For stakeholders: the office, company, donor or community they speak for. */
  affiliation: string;
  /** How they are in: their own row, their organisation's, or the forum being OPEN. */
  through: "person" | "organisation" | "open";
}

/**
 * The people who are in a forum: participant people, the people of participant
 * organisations, and (OPEN forums) every member who is not a stakeholder; people removed in
 * person are out. Managers who are not participants are not listed. Two round trips: the
 * forum with its live rows, then the memberships they expand to. Ordered by name.
 */
export async function participantsOf(db: Db, forumId: string): Promise<ForumPerson[]> {
  const forum = await db.forum.findFirst({
    where: { id: forumId },
    select: { access: true, participants: { select: { userId: true, organisationId: true, role: true, affiliation: true, removedAt: true } } },
  });
  if (!forum) return [];
  const removed = new Set(forum.participants.filter((p) => p.removedAt && p.userId).map((p) => p.userId as string));
  const live = forum.participants.filter((p) => !p.removedAt);
  const own = new Map(live.flatMap((p) => (p.userId ? [[p.userId, p] as const] : [])));
  const organisations = new Set(live.flatMap((p) => (p.organisationId ? [p.organisationId] : [])));
  const open = forum.access === "OPEN";
  const memberships = await db.membership.findMany({
    where: {
      OR: [
        { userId: { in: [...own.keys()] } },
        ...(open ? [{ role: { not: "STAKEHOLDER" as const } }] : organisations.size ? [{ organisationId: { in: [...organisations] }, role: { not: "STAKEHOLDER" as const } }] : []),
      ],
    },
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
    select: { userId: true, role: true, organisationId: true, organisation: { select: { name: true } }, user: { select: { name: true } } },
  });
  const people: ForumPerson[] = [];
  for (const m of memberships) {
    if (removed.has(m.userId)) continue;
    const row = own.get(m.userId);
    const stakeholder = m.role === "STAKEHOLDER";
    // A stakeholder is in only through their own row.
    if (stakeholder && !row) continue;
    people.push({
      userId: m.userId,
      name: m.user.name,
      organisationId: stakeholder ? null : m.organisationId,
      organisationName: stakeholder ? null : (m.organisation?.name ?? null),
      stakeholder,
      moderator: row?.role === "MODERATOR",
      affiliation: row?.affiliation ?? "",
      through: row ? "person" : m.organisationId && organisations.has(m.organisationId) ? "organisation" : "open",
    });
  }
  return people;
}

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
