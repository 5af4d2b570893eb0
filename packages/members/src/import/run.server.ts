import { randomUUID } from "node:crypto";
import { INVITATION_LIFETIME_MS } from "@commons/auth";
import type { EventType } from "@commons/jobs";
import type { ModuleContext } from "@commons/plugin-sdk/server";
import { membersT } from "../i18n.ts";
import { listSetting, type settings } from "../settings.ts";
import {
  checkOrganisations, checkPeople, type CheckedRow, type ExistingOrganisation, type Lists, type OrganisationValues, type OrganisationWrite, type PeopleContext, type PersonWrite,
} from "./check.server.ts";
import type { ImportKind, Mapping } from "./fields.ts";
import { forgetFacetCounts } from "../directory/facet-cache.server.ts";

export type Ctx = ModuleContext<typeof settings>;
export type Db = Ctx["db"];

/** Rows per statement: large enough to need few round trips, small enough for the bind-parameter limit. */
const CHUNK = 1000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function coalitionLists(s: Ctx["settings"]): Lists {
  return {
    organisationTypes: listSetting(s.organisationTypes),
    regions: listSetting(s.regions),
    sectors: listSetting(s.sectors),
    themes: listSetting(s.themes),
    languages: listSetting(s.languages),
  };
}

/** Every organisation of the coalition (the scoped client adds the tenant), with what an import may change. */
export function existingOrganisations(db: Db): Promise<ExistingOrganisation[]> {
  return db.organisation.findMany({
    select: { id: true, name: true, acronym: true, type: true, region: true, province: true, sectors: true, themes: true, languages: true, website: true, email: true, foundedYear: true, description: true },
  });
}

export async function peopleContext(db: Db): Promise<PeopleContext> {
  const [organisations, memberships, invitations] = await Promise.all([
    db.organisation.findMany({ select: { id: true, name: true } }),
    db.membership.findMany({ select: { id: true, organisationId: true, title: true, user: { select: { email: true } } } }),
    db.invitation.findMany({ where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, select: { email: true } }),
  ]);
  return {
    organisations,
    members: memberships.map((m) => ({ membershipId: m.id, email: m.user.email.toLowerCase(), organisationId: m.organisationId, title: m.title })),
    pendingInvitations: new Set(invitations.map((i) => i.email.toLowerCase())),
  };
}

export type Checked = { kind: "organisations"; rows: CheckedRow<OrganisationWrite>[] } | { kind: "people"; rows: CheckedRow<PersonWrite>[] };

/** Checks an import's rows against the coalition as it is now. */
export async function checkImport(ctx: Pick<Ctx, "db" | "settings">, kind: ImportKind, rows: string[][], mapping: Mapping): Promise<Checked> {
  if (kind === "organisations") return { kind, rows: checkOrganisations(rows, mapping, coalitionLists(ctx.settings), await existingOrganisations(ctx.db)) };
  return { kind, rows: checkPeople(rows, mapping, await peopleContext(ctx.db)) };
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

/**
 * Writes what the check found, set-based: a few statements per thousand rows, never one
 * per row. The caller's transaction holds it all: if any statement fails, nothing stays.
 */
export async function writeImport(ctx: Pick<Ctx, "db" | "tenant" | "person">, checked: Checked): Promise<ImportCounts> {
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  for (const r of checked.rows) {
    if (r.state === "error") counts.skipped++;
    else if (r.state === "unchanged") counts.unchanged++;
  }
  if (checked.kind === "organisations") {
    const writes = checked.rows.map((r) => r.write).filter((w): w is OrganisationWrite => !!w);
    const creates = writes.flatMap((w) => ("create" in w ? [w.create] : []));
    const updates = writes.flatMap((w) => ("update" in w ? [w.update] : []));
    await createOrganisations(ctx, creates);
    await updateOrganisations(ctx.db, ctx.tenant.id, updates);
    counts.created = creates.length;
    counts.updated = updates.length;
    if (creates.length || updates.length) forgetFacetCounts(ctx.tenant.id);
  } else {
    const writes = checked.rows.map((r) => r.write).filter((w): w is PersonWrite => !!w);
    const invites = writes.flatMap((w) => ("invite" in w ? [w.invite] : []));
    const updates = writes.flatMap((w) => ("update" in w ? [w.update] : []));
    await invitePeople(ctx, invites);
    await updateMemberships(ctx.db, ctx.tenant.id, updates);
    counts.created = invites.length;
    counts.updated = updates.length;
  }
  return counts;
}

async function createOrganisations(ctx: Pick<Ctx, "db" | "tenant" | "person">, creates: OrganisationValues[]) {
  const reason = membersT(ctx.person.locale)("members.import.statusReason");
  for (const chunk of chunks(creates)) {
    const rows = chunk.map((values) => ({ id: randomUUID(), ...values, founded_year: values.foundedYear }));
    const json = JSON.stringify(rows);
    // One INSERT … SELECT per chunk: a single parameter instead of one per cell.
    await ctx.db.$executeRaw`
      INSERT INTO organisations (id, tenant_id, name, acronym, type, region, province, sectors, themes, languages, website, email, founded_year, description, status, status_changed_at)
      SELECT u.id, ${ctx.tenant.id}::uuid, u.name, u.acronym, u.type, u.region, u.province, u.sectors, u.themes, u.languages, u.website, u.email, u.founded_year, u.description, 'ACTIVE', now()
      FROM jsonb_to_recordset(${json}::jsonb) AS u(
        id uuid, name text, acronym text, type text, region text, province text, sectors text[], themes text[],
        languages text[], website text, email text, founded_year int, description text)`;
    // Their standing starts here: the organisation's history shows it came in by import.
    await ctx.db.$executeRaw`
      INSERT INTO members_status_changes (id, tenant_id, organisation_id, from_status, to_status, reason, changed_by_id)
      SELECT gen_random_uuid(), ${ctx.tenant.id}::uuid, u.id, NULL, 'ACTIVE', ${reason}, ${ctx.person.id}::uuid
      FROM jsonb_to_recordset(${json}::jsonb) AS u(id uuid)`;
  }
}

/** One UPDATE … FROM jsonb_to_recordset per chunk; row-level security and the tenant filter both hold. */
async function updateOrganisations(db: Db, tenantId: string, updates: ExistingOrganisation[]) {
  for (const chunk of chunks(updates)) {
    const json = JSON.stringify(chunk.map((o) => ({ ...o, founded_year: o.foundedYear })));
    await db.$executeRaw`
      UPDATE organisations AS o SET
        name = u.name, acronym = u.acronym, type = u.type, region = u.region, province = u.province,
        sectors = u.sectors, themes = u.themes, languages = u.languages, website = u.website, email = u.email,
        founded_year = u.founded_year, description = u.description, updated_at = now()
      FROM jsonb_to_recordset(${json}::jsonb) AS u(
        id uuid, name text, acronym text, type text, region text, province text, sectors text[], themes text[],
        languages text[], website text, email text, founded_year int, description text)
      WHERE o.id = u.id AND o.tenant_id = ${tenantId}::uuid`;
  }
}

async function invitePeople(ctx: Pick<Ctx, "db" | "tenant" | "person">, invites: Extract<PersonWrite, { invite: unknown }>["invite"][]) {
  const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_MS);
  const type: EventType = "invitation.created";
  for (const chunk of chunks(invites)) {
    const json = JSON.stringify(chunk.map((i) => ({ id: randomUUID(), event_id: randomUUID(), email: i.email, role: i.role, organisation_id: i.organisationId })));
    await ctx.db.$executeRaw`
      INSERT INTO invitations (id, tenant_id, email, role, organisation_id, invited_by_id, expires_at)
      SELECT u.id, ${ctx.tenant.id}::uuid, u.email, u.role::"Role", u.organisation_id, ${ctx.person.id}::uuid, ${expiresAt}
      FROM jsonb_to_recordset(${json}::jsonb) AS u(id uuid, email text, role text, organisation_id uuid)`;
    // The core's invitation.created, one per invitation, in this transaction: the worker emails each
    // invitee. recordEvent's row, written in bulk (the app role may insert into the outbox, not read it).
    await ctx.db.$executeRaw`
      INSERT INTO outbox_events (id, type, tenant_id, payload)
      SELECT u.event_id, ${type}, ${ctx.tenant.id}::uuid, jsonb_build_object('invitationId', u.id)
      FROM jsonb_to_recordset(${json}::jsonb) AS u(id uuid, event_id uuid)`;
  }
}

async function updateMemberships(db: Db, tenantId: string, updates: { membershipId: string; organisationId: string | null; title: string }[]) {
  for (const chunk of chunks(updates)) {
    const json = JSON.stringify(chunk.map((m) => ({ id: m.membershipId, organisation_id: m.organisationId, title: m.title })));
    await db.$executeRaw`
      UPDATE memberships AS m SET organisation_id = u.organisation_id, title = u.title
      FROM jsonb_to_recordset(${json}::jsonb) AS u(id uuid, organisation_id uuid, title text)
      WHERE m.id = u.id AND m.tenant_id = ${tenantId}::uuid`;
  }
}
