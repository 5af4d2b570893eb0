import { z } from "zod";
import { notFound } from "@commons/plugin-sdk/server";
import { createInvitation } from "@commons/members/invitations";
import { participantsOf, recordActivity, type Ctx, type Db, type ForumEntry } from "../access.server.ts";
import { SPACES_EVENTS } from "./events.ts";


/** The action that remembers, until they join, which forum an invited stakeholder is for. */
export const STAKEHOLDER_INVITED = "forums.stakeholder_invited";

export interface ParticipantRow {
  id: string;
  kind: "organisation" | "person" | "stakeholder";
  name: string;
  /** People: their organisation; stakeholders: what they speak for. */
  detail: string;
  moderator: boolean;
  removed: boolean;
  removedReason: string;
}

/**
 * A forum's participant rows with names, organisations first, then people, by name. One
 * statement whatever the count: the rows with their organisations' names, their people's
 * names, roles and organisations.
 */
export async function participantRows(db: Db, forumId: string, options: { includeRemoved: boolean }): Promise<ParticipantRow[]> {
  const rows = await db.$queryRaw<
    { id: string; organisationName: string | null; isOrganisation: boolean; userName: string | null; stakeholder: boolean; memberOrganisation: string | null; role: string; affiliation: string; removed: boolean; removedReason: string }[]
  >`
    SELECT p.id, p.organisation_id IS NOT NULL AS "isOrganisation", po.name AS "organisationName",
           u.name AS "userName", m.role = 'STAKEHOLDER' AS stakeholder, mo.name AS "memberOrganisation",
           p.role::text AS role, p.affiliation, p.removed_at IS NOT NULL AS removed, p.removed_reason AS "removedReason"
    FROM forum_participants p
    LEFT JOIN organisations po ON po.tenant_id = p.tenant_id AND po.id = p.organisation_id
    LEFT JOIN memberships m ON m.tenant_id = p.tenant_id AND m.user_id = p.user_id
    LEFT JOIN users u ON u.id = m.user_id
    LEFT JOIN organisations mo ON mo.tenant_id = m.tenant_id AND mo.id = m.organisation_id
    WHERE p.tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND p.forum_id = ${forumId}::uuid AND (${options.includeRemoved} OR p.removed_at IS NULL)`;
  const out: ParticipantRow[] = [];
  for (const r of rows) {
    const base = { id: r.id, moderator: r.role === "MODERATOR", removed: r.removed, removedReason: r.removedReason };
    if (r.isOrganisation) {
      if (r.organisationName !== null) out.push({ ...base, kind: "organisation", name: r.organisationName, detail: "" });
    } else if (r.userName !== null) {
      // Someone who has left the coalition (no membership, no name) is no longer listed.
      out.push({ ...base, kind: r.stakeholder ? "stakeholder" : "person", name: r.userName, detail: r.stakeholder ? r.affiliation : (r.memberOrganisation ?? "") });
    }
  }
  const order = { organisation: 0, person: 1, stakeholder: 2 };
  return out.sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name));
}

/**
 * Puts rows in the forum: new ones are created, removed ones restored, live ones left as they
 * are. Returns how many were added or restored.
 */
async function putIn(ctx: Ctx, forumId: string, key: "organisationId" | "userId", ids: readonly string[], extra: { affiliation?: string } = {}) {
  if (!ids.length) return [];
  const existing = await ctx.db.forumParticipant.findMany({ where: { forumId, [key]: { in: [...ids] } }, select: { id: true, userId: true, organisationId: true, removedAt: true } });
  const byId = new Map(existing.map((r) => [(r[key] as string), r]));
  const restored = existing.filter((r) => r.removedAt).map((r) => r.id);
  if (restored.length) await ctx.db.forumParticipant.updateMany({ where: { id: { in: restored } }, data: { removedAt: null, removedReason: "", ...extra } });
  const fresh = ids.filter((id) => !byId.has(id));
  if (fresh.length) await ctx.db.forumParticipant.createMany({ data: fresh.map((id) => ({ tenantId: ctx.tenant.id, forumId, [key]: id, addedById: ctx.person.id, ...extra })), skipDuplicates: true });
  return [...fresh, ...existing.filter((r) => r.removedAt).map((r) => r[key] as string)];
}

/** Adds member organisations of this coalition (ids not of this coalition are refused: 404). */
export async function addOrganisations(ctx: Ctx, entry: ForumEntry, organisationIds: readonly string[]) {
  const organisations = await ctx.db.organisation.findMany({ where: { id: { in: [...organisationIds] } }, select: { id: true, name: true } });
  if (organisations.length !== new Set(organisationIds).size) throw notFound();
  const added = new Set(await putIn(ctx, entry.forum.id, "organisationId", organisations.map((o) => o.id)));
  for (const o of organisations.filter((o) => added.has(o.id))) {
    await recordActivity(ctx, "forums.participant_added", { type: "forum", id: entry.forum.id }, { forum: entry.forum.name, name: o.name });
  }
  if (added.size) await ctx.emit(SPACES_EVENTS.participantsAdded, { forumId: entry.forum.id, userIds: [], organisationIds: [...added] });
  return added.size;
}

/** Adds member people (not stakeholders: they are invited by email with their affiliation). */
export async function addPeople(ctx: Ctx, entry: ForumEntry, userIds: readonly string[]) {
  const people = await ctx.db.membership.findMany({ where: { userId: { in: [...userIds] }, role: { not: "STAKEHOLDER" } }, select: { userId: true, user: { select: { name: true } } } });
  if (people.length !== new Set(userIds).size) throw notFound();
  const added = new Set(await putIn(ctx, entry.forum.id, "userId", people.map((p) => p.userId)));
  for (const p of people.filter((p) => added.has(p.userId))) {
    await recordActivity(ctx, "forums.participant_added", { type: "forum", id: entry.forum.id }, { forum: entry.forum.name, name: p.user.name });
  }
  if (added.size) await ctx.emit(SPACES_EVENTS.participantsAdded, { forumId: entry.forum.id, userIds: [...added], organisationIds: [] });
  return added.size;
}

export type InviteOutcome = "added" | "invited" | "already-in" | "is-member" | "invited-other-role";

/**
 * A stakeholder into the forum by email. Someone already a stakeholder of this coalition is
 * added at once; someone without a membership is invited into the coalition (the core
 * invitation, role STAKEHOLDER) and joins the forum when they accept (see joinInvitedForums).
 * Members of the coalition are added as people instead, never turned into stakeholders.
 */
export async function inviteStakeholder(ctx: Ctx, entry: ForumEntry, input: { email: string; name: string; affiliation: string }): Promise<InviteOutcome> {
  const { db, tenant, person } = ctx;
  const forumId = entry.forum.id;
  const membership = await db.membership.findFirst({ where: { user: { email: input.email } }, select: { userId: true, role: true } });
  if (membership && membership.role !== "STAKEHOLDER") return "is-member";
  if (membership) {
    const live = await db.forumParticipant.findFirst({ where: { forumId, userId: membership.userId, removedAt: null }, select: { id: true } });
    if (live) return "already-in";
    await putIn(ctx, forumId, "userId", [membership.userId], { affiliation: input.affiliation });
    await recordActivity(ctx, "forums.participant_added", { type: "forum", id: forumId }, { forum: entry.forum.name, name: input.name, affiliation: input.affiliation });
    await ctx.emit(SPACES_EVENTS.participantsAdded, { forumId, userIds: [membership.userId], organisationIds: [] });
    return "added";
  }
  const open = await db.invitation.findFirst({
    where: { email: input.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, role: true },
  });
  if (open && open.role !== "STAKEHOLDER") return "invited-other-role";
  // One open invitation per address: a second forum rides on the first invitation.
  const invitation = open ?? (await createInvitation(db, tenant.id, { email: input.email, role: "STAKEHOLDER", organisationId: null, invitedById: person.id }));
  await recordActivity(ctx, STAKEHOLDER_INVITED, { type: "invitation", id: invitation.id }, { forumId, forum: entry.forum.name, email: input.email, name: input.name, affiliation: input.affiliation });
  await ctx.emit(SPACES_EVENTS.stakeholderInvited, { forumId, email: input.email });
  return "invited";
}

const invitedData = z.object({ forumId: z.uuid(), affiliation: z.string().default("") });

/**
 * When someone accepts a stakeholder invitation (core event person.joined), they are put in
 * every forum they were invited to through it. Runs in the subscriber's transaction; a
 * repeat finds the rows there and adds nothing.
 */
export async function joinInvitedForums(db: Db, tenantId: string, userId: string): Promise<number> {
  const membership = await db.membership.findFirst({ where: { userId }, select: { role: true, user: { select: { email: true } } } });
  if (membership?.role !== "STAKEHOLDER") return 0;
  const invitations = await db.invitation.findMany({ where: { email: membership.user.email, role: "STAKEHOLDER", acceptedAt: { not: null } }, select: { id: true, createdAt: true } });
  if (!invitations.length) return 0;
  const since = new Date(Math.min(...invitations.map((i) => i.createdAt.getTime())));
  // The activity index is by date: read from the oldest invitation on.
  const entries = await db.activity.findMany({
    where: { action: STAKEHOLDER_INVITED, subjectType: "invitation", subjectId: { in: invitations.map((i) => i.id) }, createdAt: { gte: since } },
    orderBy: { createdAt: "asc" },
    select: { data: true },
  });
  const wanted = new Map<string, string>();
  for (const e of entries) {
    const parsed = invitedData.safeParse(e.data);
    if (parsed.success) wanted.set(parsed.data.forumId, parsed.data.affiliation);
  }
  if (!wanted.size) return 0;
  const [forums, existing] = await Promise.all([
    db.forum.findMany({ where: { id: { in: [...wanted.keys()] } }, select: { id: true } }),
    db.forumParticipant.findMany({ where: { userId, forumId: { in: [...wanted.keys()] } }, select: { forumId: true } }),
  ]);
  const have = new Set(existing.map((r) => r.forumId));
  // A row already there (removed meanwhile, or added by hand) is left as it is.
  const fresh = forums.filter((f) => !have.has(f.id));
  if (fresh.length) await db.forumParticipant.createMany({ data: fresh.map((f) => ({ tenantId, forumId: f.id, userId, affiliation: wanted.get(f.id) ?? "" })), skipDuplicates: true });
  return fresh.length;
}

/** Stakeholder invitations still open for this forum (email, name, affiliation), newest first. One statement. */
export async function pendingStakeholders(db: Db, forumId: string) {
  // Open invitations (the newest 200) and the activity entries that say which forum each is for.
  const entries = await db.$queryRaw<{ subjectId: string; data: unknown }[]>`
    WITH open AS (
      SELECT id, created_at FROM invitations
      WHERE tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND role = 'STAKEHOLDER'
        AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > (${new Date().toISOString()}::timestamptz AT TIME ZONE 'UTC')
      ORDER BY created_at DESC
      LIMIT 200
    )
    SELECT a.subject_id AS "subjectId", a.data
    FROM activities a
    WHERE a.tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND a.action = ${STAKEHOLDER_INVITED}
      AND a.subject_id IN (SELECT id::text FROM open) AND a.created_at >= (SELECT min(created_at) FROM open)
    ORDER BY a.created_at DESC`;
  const shape = z.object({ forumId: z.string(), email: z.string(), name: z.string(), affiliation: z.string() });
  const seen = new Set<string>();
  return entries.flatMap((e) => {
    const d = shape.safeParse(e.data);
    if (!d.success || d.data.forumId !== forumId || seen.has(e.subjectId)) return [];
    seen.add(e.subjectId);
    return [{ invitationId: e.subjectId, email: d.data.email, name: d.data.name, affiliation: d.data.affiliation }];
  });
}

/** A participant row of this forum, or 404. */
async function findRow(db: Db, forumId: string, participantId: string) {
  const row = await db.forumParticipant.findFirst({ where: { id: participantId, forumId }, select: { id: true, userId: true, organisationId: true, role: true, removedAt: true } });
  if (!row) throw notFound();
  return row;
}

async function rowName(db: Db, row: { userId: string | null; organisationId: string | null }) {
  if (row.organisationId) return (await db.organisation.findFirst({ where: { id: row.organisationId }, select: { name: true } }))?.name ?? "";
  return (await db.membership.findFirst({ where: { userId: row.userId ?? undefined }, select: { user: { select: { name: true } } } }))?.user.name ?? "";
}

/** Names a person participant moderator of the forum, or takes it back. */
export async function setModerator(ctx: Ctx, entry: ForumEntry, participantId: string, moderator: boolean): Promise<"done" | "not-a-person"> {
  const row = await findRow(ctx.db, entry.forum.id, participantId);
  if (!row.userId || row.removedAt) return "not-a-person";
  const role = await ctx.db.membership.findFirst({ where: { userId: row.userId }, select: { role: true } });
  if (!role || role.role === "STAKEHOLDER") return "not-a-person";
  await ctx.db.forumParticipant.update({ where: { tenantId_id: { tenantId: ctx.tenant.id, id: row.id } }, data: { role: moderator ? "MODERATOR" : "PARTICIPANT" }, select: { id: true } });
  await recordActivity(ctx, moderator ? "forums.moderator_named" : "forums.moderator_unnamed", { type: "forum", id: entry.forum.id }, { forum: entry.forum.name, name: await rowName(ctx.db, row) });
  return "done";
}

/**
 * Removes a participant with a reason: their row (a person, or an organisation and with it
 * its people) is marked removed, the activity record says who did it and why, and the
 * subscriber emails the person (or the organisation's people) the reason.
 * `who` is a participant row, or a person in through their organisation (a removed row is
 * written for them, so they stay out while the organisation is in).
 */
export async function removeParticipant(ctx: Ctx, entry: ForumEntry, who: { participantId: string } | { userId: string }, reason: string) {
  const forumId = entry.forum.id;
  let row: { id: string; userId: string | null; organisationId: string | null; role: string; removedAt: Date | null };
  if ("participantId" in who) row = await findRow(ctx.db, forumId, who.participantId);
  else {
    // Only someone who is in the forum (in person, through their organisation, or an OPEN forum) can be removed from it.
    if (!(await participantsOf(ctx.db, forumId)).some((p) => p.userId === who.userId)) throw notFound();
    const existing = await ctx.db.forumParticipant.findFirst({ where: { forumId, userId: who.userId }, select: { id: true, userId: true, organisationId: true, role: true, removedAt: true } });
    row = existing ?? (await ctx.db.forumParticipant.create({ data: { tenantId: ctx.tenant.id, forumId, userId: who.userId, addedById: ctx.person.id }, select: { id: true, userId: true, organisationId: true, role: true, removedAt: true } }));
  }
  if (row.removedAt) return "already-removed" as const;
  // Moderators remove participants; only managers remove a moderator.
  if (row.role === "MODERATOR" && entry.standing !== "manager") return "not-allowed" as const;
  if (row.userId === ctx.person.id) return "not-allowed" as const;
  await ctx.db.forumParticipant.update({ where: { tenantId_id: { tenantId: ctx.tenant.id, id: row.id } }, data: { removedAt: new Date(), removedReason: reason, role: "PARTICIPANT" }, select: { id: true } });
  const name = await rowName(ctx.db, row);
  await recordActivity(ctx, "forums.participant_removed", { type: "forum", id: forumId }, { forum: entry.forum.name, name, reason });
  await ctx.emit(SPACES_EVENTS.participantRemoved, { forumId, participantId: row.id });
  return "removed" as const;
}

/** Lets a removed participant back in. */
export async function restoreParticipant(ctx: Ctx, entry: ForumEntry, participantId: string) {
  const row = await findRow(ctx.db, entry.forum.id, participantId);
  if (!row.removedAt) return false;
  await ctx.db.forumParticipant.update({ where: { tenantId_id: { tenantId: ctx.tenant.id, id: row.id } }, data: { removedAt: null, removedReason: "" }, select: { id: true } });
  await recordActivity(ctx, "forums.participant_restored", { type: "forum", id: entry.forum.id }, { forum: entry.forum.name, name: await rowName(ctx.db, row) });
  await ctx.emit(SPACES_EVENTS.participantsAdded, { forumId: entry.forum.id, userIds: row.userId ? [row.userId] : [], organisationIds: row.organisationId ? [row.organisationId] : [] });
  return true;
}

/** Who is told of a removal: the person, or the organisation's people (not its stakeholders). */
export async function removalRecipients(db: Db, participantId: string) {
  const row = await db.forumParticipant.findFirst({ where: { id: participantId }, select: { userId: true, organisationId: true, removedAt: true, removedReason: true, forum: { select: { id: true, name: true } } } });
  if (!row?.removedAt) return null;
  const userIds = row.userId
    ? [row.userId]
    : (await db.membership.findMany({ where: { organisationId: row.organisationId ?? undefined, role: { not: "STAKEHOLDER" } }, select: { userId: true } })).map((m) => m.userId);
  return { forum: row.forum, reason: row.removedReason, userIds };
}

/**
 * Who is told they were added: the people added in person and the people of the added
 * organisations (not stakeholders, who are only ever added in person) who are in the forum
 * now (not removed meanwhile).
 */
export async function additionRecipients(db: Db, forumId: string, added: { userIds: readonly string[]; organisationIds: readonly string[] }) {
  const forum = await db.forum.findFirst({ where: { id: forumId }, select: { id: true, name: true, purpose: true } });
  if (!forum) return null;
  const inForum = new Set((await participantsOf(db, forumId)).map((p) => p.userId));
  const ofOrganisations = added.organisationIds.length
    ? (await db.membership.findMany({ where: { organisationId: { in: [...added.organisationIds] }, role: { not: "STAKEHOLDER" } }, select: { userId: true } })).map((m) => m.userId)
    : [];
  const userIds = [...new Set([...added.userIds, ...ofOrganisations])].filter((id) => inForum.has(id));
  return { forum, userIds };
}

/** Organisations of this coalition by name, for the add form (of the first 50 found, those not in already). One statement. */
export function searchOrganisations(db: Db, forumId: string, q: string) {
  return db.$queryRaw<{ id: string; name: string }[]>`
    SELECT o.id, o.name
    FROM (
      SELECT id, name, tenant_id FROM organisations
      WHERE tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND (${q} = '' OR name ILIKE ${containing(q)})
      ORDER BY name, id
      LIMIT 50
    ) o
    WHERE NOT EXISTS (
      SELECT 1 FROM forum_participants p
      WHERE p.tenant_id = o.tenant_id AND p.forum_id = ${forumId}::uuid AND p.removed_at IS NULL AND p.organisation_id = o.id
    )
    ORDER BY o.name, o.id`;
}

/**
 * Members (not stakeholders) by name or email, for the add form: the first 50 found who are
 * not in already, in person or through their organisation (someone removed in person while
 * their organisation is in may be added back). One statement.
 */
export function searchPeople(db: Db, forumId: string, q: string) {
  return db.$queryRaw<{ userId: string; name: string; organisation: string }[]>`
    WITH seats AS (
      SELECT p.user_id, p.organisation_id, p.removed_at FROM forum_participants p
      WHERE p.tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND p.forum_id = ${forumId}::uuid
    )
    SELECT m.user_id AS "userId", u.name, COALESCE(o.name, '') AS organisation
    FROM memberships m
    JOIN users u ON u.id = m.user_id
    LEFT JOIN organisations o ON o.tenant_id = m.tenant_id AND o.id = m.organisation_id
    WHERE m.tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND m.role <> 'STAKEHOLDER'
      AND (${q} = '' OR u.name ILIKE ${containing(q)} OR u.email ILIKE ${containing(q)})
      AND NOT EXISTS (SELECT 1 FROM seats s WHERE s.user_id = m.user_id AND s.removed_at IS NULL)
      AND NOT (
        EXISTS (SELECT 1 FROM seats s WHERE s.organisation_id = m.organisation_id AND s.removed_at IS NULL)
        AND NOT EXISTS (SELECT 1 FROM seats s WHERE s.user_id = m.user_id AND s.removed_at IS NOT NULL)
      )
    ORDER BY u.name, m.user_id
    LIMIT 50`;
}

/** A search term as an ILIKE pattern that finds it anywhere, its wildcards taken literally. */
function containing(q: string): string {
  return `%${q.replace(/[\\%_]/g, "\\$&")}%`;
}
