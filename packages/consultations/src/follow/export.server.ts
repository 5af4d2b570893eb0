import type { Answer } from "../questions/kinds.ts";
import type { Db } from "./access.server.ts";
import type { FollowT } from "./i18n.ts";
import type { ResultQuestion } from "./results.server.ts";

/** More than any consultation has; a bound so one request cannot ask for everything twice over. */
const EXPORT_LIMIT = 50_000;

interface SubmittedRow {
  name: string | null;
  submitted_at: Date | null;
  answers: Record<string, Answer> | null;
}

/**
 * Every submitted answer, one row per respondent and one column per question (a yes/no
 * question has a second column for its comment). Names are read only when the visibility
 * allows the secretariat to know whose answer is whose: an anonymous consultation's export
 * has no name column, and its rows come in an order (by response id, a random uuid) that
 * follows neither names nor submission times.
 */
export async function answersTable(db: Db, tenantId: string, consultationId: string, questions: readonly ResultQuestion[], named: boolean, t: FollowT) {
  const rows = await db.$queryRaw<SubmittedRow[]>`
    SELECT CASE WHEN ${named}::boolean THEN CASE WHEN r.respondent_key LIKE 'user:%' THEN u.name ELSE o.name END END AS name,
           CASE WHEN ${named}::boolean THEN r.submitted_at END AS submitted_at,
           r.answers
    FROM consultations_responses r
    LEFT JOIN organisations o ON ${named}::boolean AND o.tenant_id = r.tenant_id AND o.id = r.organisation_id
    LEFT JOIN memberships m ON ${named}::boolean AND m.tenant_id = r.tenant_id AND m.user_id = r.user_id
    LEFT JOIN users u ON u.id = m.user_id
    WHERE r.tenant_id = ${tenantId}::uuid AND r.consultation_id = ${consultationId}::uuid AND r.status = 'SUBMITTED'
    ORDER BY CASE WHEN ${named}::boolean THEN COALESCE(u.name, o.name) END, r.id
    LIMIT ${EXPORT_LIMIT}`;
  const header: string[] = named ? [t("consultations.follow.export.respondent"), t("consultations.follow.export.submittedAt")] : [];
  for (const q of questions) {
    header.push(q.prompt);
    if (q.kind === "YES_NO") header.push(t("consultations.follow.export.comment", { prompt: q.prompt }));
  }
  const body = rows.map((row) => {
    const cells: (string | number)[] = named ? [row.name ?? "", row.submitted_at ? row.submitted_at.toISOString() : ""] : [];
    const answers = row.answers ?? {};
    for (const q of questions) {
      const a = answers[q.id];
      if (q.kind === "YES_NO") {
        const yesNo = a && typeof a === "object" && !Array.isArray(a) ? a : null;
        cells.push(yesNo ? t(yesNo.answer === "yes" ? "consultations.follow.results.yes" : "consultations.follow.results.no") : "", yesNo?.comment ?? "");
      } else if (Array.isArray(a)) {
        cells.push(q.kind === "RANKING" ? a.map((o, i) => `${i + 1}. ${o}`).join("; ") : a.join("; "));
      } else if (typeof a === "number" || typeof a === "string") {
        cells.push(a);
      } else {
        cells.push("");
      }
    }
    return cells;
  });
  return { header, body };
}
