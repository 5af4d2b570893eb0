import type { QuestionKind } from "../constants.ts";
import type { Db } from "./access.server.ts";

/**
 * A consultation's results, aggregated in PostgreSQL: the submitted answers are JSON
 * (question id → answer), so jsonb_each / jsonb_array_elements count them where they lie
 * and only the counts travel: one statement aggregates a whole consultation (aggregateResults),
 * whatever the number of respondents and questions, and one a page of one question's written
 * answers. A closed consultation is aggregated once and the result kept (storeResultsSnapshot).
 *
 * Raw SQL because Prisma cannot aggregate inside JSON. Each statement names the tenant
 * itself (wall one, by hand) and runs inside the coalition's transaction, so row-level
 * security (wall two) holds as well. Every value from the request is a bound parameter.
 */

export interface ResultQuestion {
  id: string;
  kind: QuestionKind;
  prompt: string;
  options: string[];
  scaleMinLabel: string;
  scaleMaxLabel: string;
}

export interface OptionCount {
  /** The option as stored: a choice's text, a scale point ("1"–"5"), "yes" or "no". */
  value: string;
  count: number;
  /** Share of those who answered the question, 0–100. */
  percent: number;
  /** RANKING: the option's average rank (1 = first). */
  averageRank?: number;
}

export interface QuestionResult {
  question: ResultQuestion;
  answered: number;
  options: OptionCount[];
  /** SCALE: the mean of the points given. */
  mean: number | null;
}

const CHOICE_KINDS = ["SINGLE_CHOICE", "MULTIPLE_CHOICE", "SCALE", "RANKING", "YES_NO"] as const;

interface CountRow {
  qid: string;
  part: "answered" | "option" | "mean";
  value: string | null;
  n: number;
  x: number | null;
}

export interface ResultsPageData {
  statement: string;
  commitments: string;
  questions: ResultQuestion[];
  results: QuestionResult[];
  texts: Map<string, WrittenAnswers>;
  totals: Totals;
}

/** Written answers shown per question on the results page (and kept in the snapshot); the rest are a link away. */
export const TEXTS_SHOWN = 10;

/**
 * A closed consultation's aggregated answers, as stored in `consultations.results_snapshot`:
 * the count rows and the first TEXTS_SHOWN written answers of each question with their
 * totals. Names are kept only when the visibility shows them to someone (never for
 * ANONYMOUS); readers who may not see them get them stripped.
 */
export interface ResultsSnapshot {
  version: 1;
  counts: CountRow[];
  texts: TextRow[];
}

/**
 * The heavy part of the results, in one statement: every question's counts (answered; per
 * option; a scale's mean; a ranking's average rank) and the first `textsLimit` written
 * answers of each question with its total. Names are read only when `named`. The submitted
 * responses' answers are unnested once (`a`).
 * With `store`, the same statement keeps the result on a closed consultation (`stored`).
 */
async function aggregateResults(db: Db, tenantId: string, consultationId: string, options: { named: boolean; textsLimit: number; store: boolean }): Promise<ResultsSnapshot> {
  const { named, textsLimit, store } = options;
  const [row] = await db.$queryRaw<{ counts: CountRow[] | null; texts: TextRow[] | null }[]>`
    WITH q AS (
      SELECT id::text AS qid, kind::text AS kind
      FROM consultations_questions
      WHERE tenant_id = ${tenantId}::uuid AND consultation_id = ${consultationId}::uuid
    ),
    a AS MATERIALIZED (
      SELECT q.qid, q.kind, e.value AS v, sub.respondent_key, sub.organisation_id, sub.user_id
      FROM consultations_responses sub
      CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(sub.answers) = 'object' THEN sub.answers ELSE '{}'::jsonb END) AS e(key, value)
      JOIN q ON q.qid = e.key
      WHERE sub.tenant_id = ${tenantId}::uuid AND sub.consultation_id = ${consultationId}::uuid AND sub.status = 'SUBMITTED'
        AND jsonb_typeof(e.value) <> 'null'
        AND NOT (jsonb_typeof(e.value) = 'string' AND btrim(e.value #>> '{}') = '')
        AND NOT (jsonb_typeof(e.value) = 'array' AND jsonb_array_length(e.value) = 0)
    ),
    arr AS (
      SELECT qid, kind, CASE WHEN jsonb_typeof(v) = 'array' THEN v ELSE '[]'::jsonb END AS v FROM a WHERE kind IN ('MULTIPLE_CHOICE', 'RANKING')
    ),
    counts AS (
      SELECT qid, 'answered' AS part, NULL::text AS value, count(*)::int AS n, NULL::float8 AS x FROM a GROUP BY qid
      UNION ALL
      SELECT qid, 'option', v #>> '{}', count(*)::int, NULL FROM a
        WHERE kind IN ('SINGLE_CHOICE', 'SCALE') AND jsonb_typeof(v) IN ('string', 'number') GROUP BY qid, v #>> '{}'
      UNION ALL
      SELECT qid, 'mean', NULL, count(*)::int, avg((v #>> '{}')::float8) FROM a
        WHERE kind = 'SCALE' AND jsonb_typeof(v) = 'number' GROUP BY qid
      UNION ALL
      SELECT qid, 'option', v ->> 'answer', count(*)::int, NULL FROM a
        WHERE kind = 'YES_NO' AND jsonb_typeof(v) = 'object' AND v ->> 'answer' IN ('yes', 'no') GROUP BY qid, v ->> 'answer'
      UNION ALL
      SELECT qid, 'option', o.value, count(*)::int, CASE WHEN kind = 'RANKING' THEN avg(o.pos)::float8 END
        FROM arr CROSS JOIN LATERAL jsonb_array_elements_text(arr.v) WITH ORDINALITY AS o(value, pos)
        GROUP BY qid, kind, o.value
    ),
    written AS (
      SELECT qid, respondent_key, organisation_id, user_id, btrim(CASE WHEN kind = 'YES_NO' THEN v ->> 'comment' ELSE v #>> '{}' END) AS text FROM a
      WHERE kind IN ('SHORT_TEXT', 'LONG_TEXT', 'YES_NO')
    ),
    ranked AS (
      SELECT qid, text, respondent_key, organisation_id, user_id,
             row_number() OVER (PARTITION BY qid ORDER BY text, respondent_key) AS rn, count(*) OVER (PARTITION BY qid) AS total
      FROM written WHERE text IS NOT NULL AND text <> ''
    ),
    texts AS (
      SELECT ranked.qid, ranked.text, ranked.total, ranked.rn,
             CASE WHEN ${named}::boolean THEN CASE WHEN ranked.respondent_key LIKE 'user:%' THEN u.name ELSE o.name END END AS name
      FROM ranked
      LEFT JOIN organisations o ON ${named}::boolean AND o.tenant_id = ${tenantId}::uuid AND o.id = ranked.organisation_id
      LEFT JOIN memberships m ON ${named}::boolean AND ranked.respondent_key LIKE 'user:%' AND m.tenant_id = ${tenantId}::uuid AND m.user_id = ranked.user_id
      LEFT JOIN users u ON u.id = m.user_id
      WHERE ranked.rn <= ${textsLimit}
    ),
    result AS (
      SELECT
        (SELECT json_agg(counts) FROM counts) AS counts,
        (SELECT json_agg(json_build_object('qid', qid, 'text', text, 'total', total, 'name', name) ORDER BY qid, rn) FROM texts) AS texts
    ),
    -- A data-modifying WITH runs to completion whether or not the query reads it.
    stored AS (
      UPDATE consultations
      SET results_snapshot = jsonb_build_object('version', 1, 'counts', coalesce((SELECT counts FROM result), '[]'::json), 'texts', coalesce((SELECT texts FROM result), '[]'::json)),
          results_snapshot_at = now()
      WHERE ${store}::boolean AND tenant_id = ${tenantId}::uuid AND id = ${consultationId}::uuid AND status = 'CLOSED'
      RETURNING id
    )
    SELECT counts, texts FROM result`;
  return { version: 1, counts: row?.counts ?? [], texts: row?.texts ?? [] };
}

/**
 * Computes a closed consultation's results once and keeps them on the consultation: its
 * answers cannot change any more (late answers are refused). Called in the closing
 * transaction (by hand and by the tick job), and by the results page for a closed
 * consultation that has none yet. Names are kept unless the consultation is ANONYMOUS.
 */
export async function storeResultsSnapshot(db: Db, tenantId: string, consultationId: string): Promise<void> {
  const [found] = await db.$queryRaw<{ visibility: string }[]>`
    SELECT visibility::text AS visibility FROM consultations WHERE tenant_id = ${tenantId}::uuid AND id = ${consultationId}::uuid AND status = 'CLOSED'`;
  if (found) await aggregateResults(db, tenantId, consultationId, { named: found.visibility !== "ANONYMOUS", textsLimit: TEXTS_SHOWN, store: true });
}

/**
 * Everything the results page shows. One cheap statement reads what may still change (the
 * statement, the questions, the response and "feel heard" totals with the reader's own
 * standing, `ownKey`) and the stored snapshot; the answers are aggregated (aggregateResults)
 * only while the consultation is open, or once for a closed one without a snapshot, which is
 * then stored. Names reach the page only when `named`.
 */
export async function resultsPage(
  db: Db,
  tenantId: string,
  consultationId: string,
  options: { named: boolean; ownKey: string | null },
): Promise<ResultsPageData> {
  const { named, ownKey } = options;
  const [row] = await db.$queryRaw<{ consultation: { statement: string; commitments: string; status: string; visibility: string; snapshot: ResultsSnapshot | null } | null; questions: ResultQuestion[] | null; totals: TotalsRow | null }[]>`
    SELECT
      (SELECT json_build_object('statement', statement, 'commitments', commitments, 'status', status, 'visibility', visibility, 'snapshot', CASE WHEN status = 'CLOSED' THEN results_snapshot END)
         FROM consultations WHERE tenant_id = ${tenantId}::uuid AND id = ${consultationId}::uuid) AS consultation,
      (SELECT json_agg(json_build_object('id', id, 'kind', kind, 'prompt', prompt, 'options', options, 'scaleMinLabel', scale_min_label, 'scaleMaxLabel', scale_max_label) ORDER BY position)
         FROM consultations_questions WHERE tenant_id = ${tenantId}::uuid AND consultation_id = ${consultationId}::uuid) AS questions,
      (SELECT json_build_object(
          'recipients', (SELECT count(*) FROM consultations_recipients WHERE tenant_id = ${tenantId}::uuid AND consultation_id = ${consultationId}::uuid),
          'submitted', count(*) FILTER (WHERE status = 'SUBMITTED'),
          'heard', count(*) FILTER (WHERE status = 'SUBMITTED' AND felt_heard),
          'notHeard', count(*) FILTER (WHERE status = 'SUBMITTED' AND felt_heard = false),
          'ownSubmitted', coalesce(bool_or(respondent_key = ${ownKey}::text AND status = 'SUBMITTED'), false),
          'ownFeltHeard', bool_or(felt_heard) FILTER (WHERE respondent_key = ${ownKey}::text))
        FROM consultations_responses WHERE tenant_id = ${tenantId}::uuid AND consultation_id = ${consultationId}::uuid) AS totals`;
  const consultation = row?.consultation;
  let snapshot = consultation?.snapshot ?? null;
  if (!snapshot || snapshot.version !== 1) {
    // Closed without a snapshot yet (closed before snapshots existed): aggregate with the names
    // the visibility allows anyone, and keep it; open: live, with the names this reader may see.
    const closed = consultation?.status === "CLOSED";
    snapshot = await aggregateResults(db, tenantId, consultationId, { named: closed ? consultation.visibility !== "ANONYMOUS" : named, textsLimit: TEXTS_SHOWN, store: closed });
  }
  const questions = row?.questions ?? [];
  const texts = new Map<string, WrittenAnswers>();
  for (const t of snapshot.texts) {
    let e = texts.get(t.qid);
    if (!e) texts.set(t.qid, (e = { total: Number(t.total), answers: [] }));
    e.answers.push({ text: t.text, name: named ? (t.name ?? null) : null });
  }
  const totalsRow = row?.totals;
  return {
    statement: consultation?.statement ?? "",
    commitments: consultation?.commitments ?? "",
    questions,
    results: buildResults(questions, snapshot.counts),
    texts,
    totals: {
      recipients: Number(totalsRow?.recipients ?? 0),
      submitted: Number(totalsRow?.submitted ?? 0),
      heard: Number(totalsRow?.heard ?? 0),
      notHeard: Number(totalsRow?.notHeard ?? 0),
      ownSubmitted: !!totalsRow?.ownSubmitted,
      ownFeltHeard: totalsRow?.ownFeltHeard ?? null,
    },
  };
}

interface TextRow {
  qid: string;
  text: string;
  total: number;
  name: string | null;
}

interface TotalsRow {
  recipients: number;
  submitted: number;
  heard: number;
  notHeard: number;
  ownSubmitted: boolean;
  ownFeltHeard: boolean | null;
}

/** The page's counts, from the rows of the `counts` CTE, question by question in the questions' order. */
function buildResults(questions: readonly ResultQuestion[], rows: readonly CountRow[]): QuestionResult[] {
  const byQuestion = new Map<string, { answered: number; mean: number | null; counts: Map<string, { n: number; x: number | null }> }>();
  const entry = (qid: string) => {
    let e = byQuestion.get(qid);
    if (!e) byQuestion.set(qid, (e = { answered: 0, mean: null, counts: new Map() }));
    return e;
  };
  for (const row of rows) {
    const e = entry(row.qid);
    if (row.part === "answered") e.answered = Number(row.n);
    else if (row.part === "mean") e.mean = row.x === null ? null : Number(row.x);
    else if (row.value !== null) e.counts.set(row.value, { n: Number(row.n), x: row.x === null ? null : Number(row.x) });
  }

  return questions.map((question) => {
    const e = byQuestion.get(question.id) ?? { answered: 0, mean: null, counts: new Map<string, { n: number; x: number | null }>() };
    const percent = (n: number) => (e.answered ? Math.round((n / e.answered) * 1000) / 10 : 0);
    const listed = optionsOf(question);
    const options: OptionCount[] = (CHOICE_KINDS as readonly string[]).includes(question.kind)
      ? listed.map((value) => {
          const c = e.counts.get(value);
          const option: OptionCount = { value, count: c?.n ?? 0, percent: percent(c?.n ?? 0) };
          if (question.kind === "RANKING") option.averageRank = c?.x ? Math.round(c.x * 100) / 100 : 0;
          return option;
        })
      : [];
    return { question, answered: e.answered, options, mean: e.mean === null ? null : Math.round(e.mean * 100) / 100 };
  });
}

/** The values a question's answers are counted under, in the order they are shown. */
function optionsOf(q: ResultQuestion): string[] {
  switch (q.kind) {
    case "SCALE":
      return ["1", "2", "3", "4", "5"];
    case "YES_NO":
      return ["yes", "no"];
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE":
    case "RANKING":
      return [...q.options];
    default:
      return [];
  }
}

export interface WrittenAnswer {
  text: string;
  /** Who wrote it, when the reader may know; null otherwise. */
  name: string | null;
}

export interface WrittenAnswers {
  total: number;
  answers: WrittenAnswer[];
}

/**
 * The written answers (texts, and the comments of yes/no questions) of every question, or
 * of one, in one statement: `limit` per question from `offset`, in alphabetical order (so
 * with names hidden the order tells nothing), with each question's total. Names are read
 * only when `named`: an anonymous consultation's page never holds them.
 */
export async function writtenAnswers(
  db: Db,
  tenantId: string,
  consultationId: string,
  options: { named: boolean; limit: number; offset?: number; questionId?: string },
): Promise<Map<string, WrittenAnswers>> {
  const { named, limit, offset = 0, questionId = null } = options;
  const rows = await db.$queryRaw<{ qid: string; text: string; name: string | null; total: number }[]>`
    WITH t AS (
      SELECT q.id::text AS qid, r.respondent_key, r.organisation_id, r.user_id,
             CASE WHEN q.kind = 'YES_NO' THEN r.answers -> q.id::text ->> 'comment' ELSE r.answers ->> q.id::text END AS text
      FROM consultations_questions q
      JOIN consultations_responses r ON r.tenant_id = q.tenant_id AND r.consultation_id = q.consultation_id AND r.status = 'SUBMITTED'
      WHERE q.tenant_id = ${tenantId}::uuid AND q.consultation_id = ${consultationId}::uuid
        AND q.kind IN ('SHORT_TEXT', 'LONG_TEXT', 'YES_NO')
        AND (${questionId}::uuid IS NULL OR q.id = ${questionId}::uuid)
    ),
    ranked AS (
      SELECT qid, btrim(text) AS text, respondent_key, organisation_id, user_id,
             row_number() OVER (PARTITION BY qid ORDER BY btrim(text), respondent_key) AS rn,
             count(*) OVER (PARTITION BY qid) AS total
      FROM t WHERE text IS NOT NULL AND btrim(text) <> ''
    )
    SELECT ranked.qid, ranked.text, ranked.total::int AS total,
           CASE WHEN ${named}::boolean THEN
             CASE WHEN ranked.respondent_key LIKE 'org:%' THEN o.name ELSE u.name END
           END AS name
    FROM ranked
    LEFT JOIN organisations o ON ${named}::boolean AND o.tenant_id = ${tenantId}::uuid AND o.id = ranked.organisation_id
    LEFT JOIN memberships m ON ${named}::boolean AND ranked.respondent_key LIKE 'user:%' AND m.tenant_id = ${tenantId}::uuid AND m.user_id = ranked.user_id
    LEFT JOIN users u ON u.id = m.user_id
    WHERE ranked.rn > ${offset} AND ranked.rn <= ${offset + limit}
    ORDER BY ranked.qid, ranked.rn`;
  const found = new Map<string, WrittenAnswers>();
  for (const row of rows) {
    let e = found.get(row.qid);
    if (!e) found.set(row.qid, (e = { total: Number(row.total), answers: [] }));
    e.answers.push({ text: row.text, name: named ? (row.name ?? null) : null });
  }
  return found;
}

export interface Totals {
  recipients: number;
  submitted: number;
  heard: number;
  notHeard: number;
  /** The reader's own response (by respondent key): submitted, and what they said of being heard. */
  ownSubmitted: boolean;
  ownFeltHeard: boolean | null;
}
