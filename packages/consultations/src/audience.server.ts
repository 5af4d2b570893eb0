import type { HookContext, ModulePerson } from "@commons/plugin-sdk/server";
import { EVENTS } from "./constants.ts";
import type { settings } from "./settings.ts";

type Db = HookContext<typeof settings>["db"];

/** What decides who is asked: the consultation's audience columns. */
export interface AudienceSpec {
  audienceKind: "ALL" | "FILTERED" | "PICKED";
  audienceRegions: string[];
  audienceSectors: string[];
  audienceThemes: string[];
  audienceOrganisationIds: string[];
  includeStakeholders: boolean;
  mode: "ORGANISATION" | "PERSON";
}

type OrganisationWhere = NonNullable<NonNullable<Parameters<Db["organisation"]["count"]>[0]>["where"]>;

/**
 * The audience's organisations as a Prisma filter: active ones, all of them, those in the
 * chosen regions, sectors and themes (any of the values chosen for a dimension; every
 * dimension that has values), or the hand-picked ones. The same rule as the INSERT … SELECT
 * in snapshotRecipients, which must stay in step with it.
 */
export function audienceOrganisations(spec: AudienceSpec): OrganisationWhere {
  if (spec.audienceKind === "PICKED") return { status: "ACTIVE", id: { in: spec.audienceOrganisationIds } };
  if (spec.audienceKind === "ALL") return { status: "ACTIVE" };
  return {
    status: "ACTIVE",
    AND: [
      spec.audienceRegions.length ? { region: { in: spec.audienceRegions } } : {},
      spec.audienceSectors.length ? { sectors: { hasSome: spec.audienceSectors } } : {},
      spec.audienceThemes.length ? { themes: { hasSome: spec.audienceThemes } } : {},
    ],
  };
}

export interface AudienceSize {
  organisations: number;
  /** People of those organisations (PERSON mode only; 0 otherwise). */
  people: number;
  stakeholders: number;
}

/** How many would be asked if the consultation opened now (three counts at most). */
export async function audienceSize(db: Db, spec: AudienceSpec): Promise<AudienceSize> {
  const where = audienceOrganisations(spec);
  const [organisations, people, stakeholders] = await Promise.all([
    db.organisation.count({ where }),
    spec.mode === "PERSON" ? db.membership.count({ where: { role: { not: "STAKEHOLDER" }, organisation: where } }) : Promise.resolve(0),
    spec.includeStakeholders ? db.membership.count({ where: { role: "STAKEHOLDER" } }) : Promise.resolve(0),
  ]);
  return { organisations, people, stakeholders };
}

/** Why a consultation cannot open yet, each a message key's last part. */
export type OpeningProblem =
  | "notDraft"
  | "noQuestions"
  | "noDeadline"
  | "deadlinePassed"
  | "opensAfterDeadline"
  | "noFilters"
  | "noPicked"
  | "noOrganisations"
  | "noPeople";

interface Openable extends AudienceSpec {
  id: string;
  status: "DRAFT" | "SCHEDULED" | "OPEN" | "CLOSED";
  opensAt: Date | null;
  deadline: Date | null;
}

export interface OpeningReport {
  problems: OpeningProblem[];
  questions: number;
  size: AudienceSize;
}

/** Everything that keeps the consultation from opening at `now` (empty when it can), with what it would ask: four statements at most. */
export async function openingReport(db: Db, consultation: Openable, now: Date): Promise<OpeningReport> {
  const [questions, size] = await Promise.all([db.consultationsQuestion.count({ where: { consultationId: consultation.id } }), audienceSize(db, consultation)]);
  if (consultation.status !== "DRAFT" && consultation.status !== "SCHEDULED") return { problems: ["notDraft"], questions, size };
  const problems: OpeningProblem[] = [];
  if (questions === 0) problems.push("noQuestions");
  if (!consultation.deadline) problems.push("noDeadline");
  else if (consultation.deadline <= now) problems.push("deadlinePassed");
  else if (consultation.opensAt && consultation.opensAt >= consultation.deadline) problems.push("opensAfterDeadline");
  if (consultation.audienceKind === "FILTERED" && !consultation.audienceRegions.length && !consultation.audienceSectors.length && !consultation.audienceThemes.length) {
    problems.push("noFilters");
  } else if (consultation.audienceKind === "PICKED" && !consultation.audienceOrganisationIds.length) {
    problems.push("noPicked");
  } else {
    const asked = (consultation.mode === "PERSON" ? size.people : size.organisations) + size.stakeholders;
    if (asked === 0) problems.push(size.organisations === 0 ? "noOrganisations" : "noPeople");
  }
  return { problems, questions, size };
}

/** Everything that keeps the consultation from opening at `now`; empty when it can. */
export async function openingProblems(db: Db, consultation: Openable, now: Date): Promise<OpeningProblem[]> {
  return (await openingReport(db, consultation, now)).problems;
}

/**
 * Fixes who is asked: one row per active organisation of the audience (ORGANISATION mode)
 * or per person of those organisations (PERSON mode), plus one per stakeholder when they are
 * included. Set-based, so 80 or 10,000 organisations cost one statement each. Tenant data in
 * raw SQL: the tenant is named in every WHERE as well as enforced by row-level security.
 */
export async function snapshotRecipients(db: Db, tenantId: string, consultationId: string, includeStakeholders: boolean): Promise<number> {
  // In PERSON mode each organisation's people (stakeholders apart) are the rows; in
  // ORGANISATION mode the organisations themselves (the join to memberships is off).
  let rows = await db.$executeRaw`
    INSERT INTO consultations_recipients (id, tenant_id, consultation_id, respondent_key, organisation_id, user_id)
    SELECT gen_random_uuid(), o.tenant_id, c.id, CASE WHEN c.mode = 'PERSON' THEN 'user:' || m.user_id::text ELSE 'org:' || o.id::text END, o.id, m.user_id
    FROM consultations c
    JOIN organisations o ON o.tenant_id = c.tenant_id AND o.status = 'ACTIVE'
    LEFT JOIN memberships m ON c.mode = 'PERSON' AND m.tenant_id = o.tenant_id AND m.organisation_id = o.id AND m.role <> 'STAKEHOLDER'
    WHERE c.tenant_id = ${tenantId}::uuid AND c.id = ${consultationId}::uuid
      AND (c.mode = 'ORGANISATION' OR m.user_id IS NOT NULL)
      AND (c.audience_kind = 'ALL'
        OR (c.audience_kind = 'FILTERED'
          AND (cardinality(c.audience_regions) = 0 OR o.region = ANY (c.audience_regions))
          AND (cardinality(c.audience_sectors) = 0 OR o.sectors && c.audience_sectors)
          AND (cardinality(c.audience_themes) = 0 OR o.themes && c.audience_themes))
        OR (c.audience_kind = 'PICKED' AND o.id = ANY (c.audience_organisation_ids)))
    ON CONFLICT (tenant_id, consultation_id, respondent_key) DO NOTHING`;
  if (includeStakeholders) {
    rows += await db.$executeRaw`
      INSERT INTO consultations_recipients (id, tenant_id, consultation_id, respondent_key, organisation_id, user_id)
      SELECT gen_random_uuid(), m.tenant_id, ${consultationId}::uuid, 'user:' || m.user_id::text, m.organisation_id, m.user_id
      FROM memberships m
      WHERE m.tenant_id = ${tenantId}::uuid AND m.role = 'STAKEHOLDER'
      ON CONFLICT (tenant_id, consultation_id, respondent_key) DO NOTHING`;
  }
  return rows;
}

export type OpenOutcome = { opened: "OPEN" | "SCHEDULED"; recipients: number } | { problems: OpeningProblem[] };

/**
 * Opens a consultation (or a SCHEDULED one whose time has come), in the caller's
 * transaction: checks it can open, snapshots the recipients, marks it OPEN and emits
 * consultation.opened, whose subscriber emails the audience. A draft whose opening time is
 * still ahead becomes SCHEDULED instead (nobody is asked yet: the follow area's job calls
 * this again at opensAt). Called from the open page and from that job.
 */
export async function openConsultation(
  ctx: { db: Db; tenantId: string; emit(type: string, payload: Record<string, unknown>): Promise<string> },
  consultationId: string,
  now: Date,
): Promise<OpenOutcome> {
  const { db } = ctx;
  // The row lock keeps a concurrent edit (or a second click) from slipping between the checks and the opening.
  await db.$executeRaw`SELECT 1 FROM (SELECT id FROM consultations WHERE id = ${consultationId}::uuid FOR UPDATE) AS locked`;
  const consultation = await db.consultation.findFirst({
    where: { id: consultationId },
    select: { id: true, status: true, opensAt: true, deadline: true, audienceKind: true, audienceRegions: true, audienceSectors: true, audienceThemes: true, audienceOrganisationIds: true, includeStakeholders: true, mode: true },
  });
  if (!consultation) return { problems: ["notDraft"] };
  const problems = await openingProblems(db, consultation, now);
  if (problems.length) return { problems };
  if (consultation.opensAt && consultation.opensAt > now) {
    if (consultation.status === "DRAFT") await db.consultation.update({ where: { id: consultationId }, data: { status: "SCHEDULED" } });
    return { opened: "SCHEDULED", recipients: 0 };
  }
  const recipients = await snapshotRecipients(db, ctx.tenantId, consultationId, consultation.includeStakeholders);
  // openingProblems counted the same audience; this only guards a change in between.
  if (recipients === 0) return { problems: [consultation.mode === "PERSON" ? "noPeople" : "noOrganisations"] };
  await db.consultation.update({ where: { id: consultationId }, data: { status: "OPEN", openedAt: now } });
  await ctx.emit(EVENTS.opened, { consultationId });
  return { opened: "OPEN", recipients };
}

/**
 * The recipients rows that concern a person, as a filter on ConsultationsRecipient: their
 * own row, and their organisation's (stakeholders answer only for themselves). Both
 * branches use an index of the table.
 */
export function recipientRowsOf(person: Pick<ModulePerson, "id" | "organisationId" | "role">) {
  const organisation = person.organisationId && person.role !== "STAKEHOLDER" ? [{ organisationId: person.organisationId, userId: null }] : [];
  return { OR: [{ userId: person.id }, ...organisation] };
}
