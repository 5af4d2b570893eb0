import { PAGE_SIZE } from "../constants.ts";
import type { Db } from "./access.server.ts";

/**
 * The live response rate: who was asked, who has a draft, who submitted, by organisation
 * (or person), filterable by region and sector. Two statements whatever the audience's size:
 * the counts with the filter options, and one page of rows.
 *
 * Raw SQL for the joins across the recipients, responses and the coalition's organisations
 * and people, which the tables relate by plain uuid columns. Both statements name the tenant
 * themselves and run in the coalition's transaction (row-level security holds as well).
 */

export const PROGRESS_STATES = ["SUBMITTED", "DRAFT", "NOT_STARTED"] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];

export interface ProgressFilters {
  region: string;
  sector: string;
  state: ProgressState | "";
}

export interface ProgressSummary {
  recipients: number;
  submitted: number;
  drafted: number;
  notStarted: number;
  /** Those a reminder would reach: not submitted, and still able to answer. */
  remindable: number;
  /** Rows matching the filters (the table's total). */
  matching: number;
  regions: string[];
  sectors: string[];
}

export interface ProgressRow {
  respondentKey: string;
  name: string | null;
  /** The person's organisation, for person recipients. */
  organisation: string | null;
  region: string | null;
  state: ProgressState;
  updatedAt: string | null;
  submittedAt: string | null;
}

const FILTER_VALUE_MAX = 200;

export function parseProgressFilters(url: URL): ProgressFilters {
  const text = (name: string) => (url.searchParams.get(name) ?? "").trim().slice(0, FILTER_VALUE_MAX);
  const state = text("state");
  return { region: text("region"), sector: text("sector"), state: (PROGRESS_STATES as readonly string[]).includes(state) ? (state as ProgressState) : "" };
}

const orNull = (value: string) => (value === "" ? null : value);

export async function progressSummary(db: Db, tenantId: string, consultationId: string, filters: ProgressFilters): Promise<ProgressSummary> {
  const region = orNull(filters.region);
  const sector = orNull(filters.sector);
  const state = orNull(filters.state);
  const rows = await db.$queryRaw<{ kind: string; value: string | null; n: number; submitted: number; drafted: number; remindable: number; matching: number }[]>`
    WITH base AS MATERIALIZED (
      SELECT o.region, o.sectors, COALESCE(s.status::text, 'NOT_STARTED') AS state,
             -- The same rule as the reminder's subscriber: an active organisation; a person still
             -- in the coalition whose organisation is active (stakeholders answer for themselves).
             CASE WHEN r.respondent_key LIKE 'org:%' THEN o.status = 'ACTIVE'
               ELSE EXISTS (
                 SELECT 1 FROM memberships m
                 LEFT JOIN organisations mo ON mo.tenant_id = m.tenant_id AND mo.id = m.organisation_id
                 WHERE m.tenant_id = r.tenant_id AND m.user_id = r.user_id
                   AND (m.role = 'STAKEHOLDER' OR m.organisation_id IS NULL OR mo.status = 'ACTIVE'))
             END AS reachable
      FROM consultations_recipients r
      LEFT JOIN organisations o ON o.tenant_id = r.tenant_id AND o.id = r.organisation_id
      LEFT JOIN consultations_responses s ON s.tenant_id = r.tenant_id AND s.consultation_id = r.consultation_id AND s.respondent_key = r.respondent_key
      WHERE r.tenant_id = ${tenantId}::uuid AND r.consultation_id = ${consultationId}::uuid
    )
    SELECT 'total' AS kind, NULL::text AS value, count(*)::int AS n,
           count(*) FILTER (WHERE state = 'SUBMITTED')::int AS submitted,
           count(*) FILTER (WHERE state = 'DRAFT')::int AS drafted,
           count(*) FILTER (WHERE state <> 'SUBMITTED' AND reachable)::int AS remindable,
           count(*) FILTER (WHERE (${region}::text IS NULL OR region = ${region}::text)
                              AND (${sector}::text IS NULL OR sectors @> ARRAY[${sector}::text])
                              AND (${state}::text IS NULL OR state = ${state}::text))::int AS matching
    FROM base
    UNION ALL
    SELECT 'region', region, count(*)::int, 0, 0, 0, 0 FROM base WHERE region IS NOT NULL AND region <> '' GROUP BY region
    UNION ALL
    SELECT 'sector', v, count(*)::int, 0, 0, 0, 0 FROM base, unnest(sectors) AS v GROUP BY v`;
  const total = rows.find((r) => r.kind === "total");
  const recipients = Number(total?.n ?? 0);
  const submitted = Number(total?.submitted ?? 0);
  const drafted = Number(total?.drafted ?? 0);
  const values = (kind: string) => rows.filter((r) => r.kind === kind && r.value).map((r) => r.value!).sort((a, b) => a.localeCompare(b));
  return { recipients, submitted, drafted, notStarted: recipients - submitted - drafted, remindable: Number(total?.remindable ?? 0), matching: Number(total?.matching ?? 0), regions: values("region"), sectors: values("sector") };
}

export async function progressPage(db: Db, tenantId: string, consultationId: string, filters: ProgressFilters, page: number): Promise<ProgressRow[]> {
  const region = orNull(filters.region);
  const sector = orNull(filters.sector);
  const state = orNull(filters.state);
  const rows = await db.$queryRaw<{ respondent_key: string; name: string | null; organisation: string | null; region: string | null; state: ProgressState; updated_at: Date | null; submitted_at: Date | null }[]>`
    SELECT r.respondent_key,
           CASE WHEN r.respondent_key LIKE 'user:%' THEN u.name ELSE o.name END AS name,
           CASE WHEN r.respondent_key LIKE 'user:%' THEN o.name END AS organisation,
           o.region,
           COALESCE(s.status::text, 'NOT_STARTED') AS state,
           s.updated_at, s.submitted_at
    FROM consultations_recipients r
    LEFT JOIN organisations o ON o.tenant_id = r.tenant_id AND o.id = r.organisation_id
    LEFT JOIN memberships m ON m.tenant_id = r.tenant_id AND m.user_id = r.user_id
    LEFT JOIN users u ON u.id = m.user_id
    LEFT JOIN consultations_responses s ON s.tenant_id = r.tenant_id AND s.consultation_id = r.consultation_id AND s.respondent_key = r.respondent_key
    WHERE r.tenant_id = ${tenantId}::uuid AND r.consultation_id = ${consultationId}::uuid
      AND (${region}::text IS NULL OR o.region = ${region}::text)
      AND (${sector}::text IS NULL OR o.sectors @> ARRAY[${sector}::text])
      AND (${state}::text IS NULL OR COALESCE(s.status::text, 'NOT_STARTED') = ${state}::text)
    ORDER BY 2 NULLS LAST, r.respondent_key
    LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`;
  return rows.map((r) => ({
    respondentKey: r.respondent_key,
    name: r.name,
    organisation: r.organisation,
    region: r.region,
    state: r.state,
    updatedAt: r.updated_at ? r.updated_at.toISOString() : null,
    submittedAt: r.submitted_at ? r.submitted_at.toISOString() : null,
  }));
}
