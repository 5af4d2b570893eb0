import type { ConsultationsCtx } from "../access.server.ts";
import { respondentKey as keys } from "../constants.ts";
import { QUESTION_SELECT, type Answers, type Question } from "../questions/kinds.ts";
import { storedAnswers } from "../questions/validate.ts";

type Db = ConsultationsCtx["db"];

/** A consultation's questions in order (one statement). */
export async function questionsOf(db: Db, consultationId: string): Promise<Question[]> {
  return db.consultationsQuestion.findMany({ where: { consultationId }, orderBy: { position: "asc" }, select: QUESTION_SELECT });
}

/** One respondent's response as a page shows it: answers read back against the questions, names of who saved and submitted. */
export interface SavedResponse {
  status: "DRAFT" | "SUBMITTED";
  answers: Answers;
  version: number;
  updatedAt: Date;
  updatedById: string;
  updatedBy: string;
  submittedAt: Date | null;
  submittedBy: string | null;
}

/** The response of one respondent (two statements: the row, then the names of who saved and submitted it). */
export async function responseOf(db: Db, consultationId: string, respondentKey: string, questions: readonly Question[]): Promise<SavedResponse | null> {
  const row = await db.consultationsResponse.findFirst({
    where: { consultationId, respondentKey },
    select: { status: true, answers: true, version: true, updatedAt: true, updatedById: true, submittedAt: true, submittedById: true },
  });
  if (!row) return null;
  const names = await namesOf(db, [row.updatedById, row.submittedById]);
  return {
    status: row.status,
    answers: storedAnswers(questions, row.answers),
    version: row.version,
    updatedAt: row.updatedAt,
    updatedById: row.updatedById,
    updatedBy: names.get(row.updatedById) ?? "",
    submittedAt: row.submittedAt,
    submittedBy: row.submittedById ? (names.get(row.submittedById) ?? "") : null,
  };
}

/** Names of this coalition's people (someone who has since left shows as an empty name). */
async function namesOf(db: Db, userIds: readonly (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => !!id))];
  const rows = await db.membership.findMany({ where: { userId: { in: ids } }, select: { userId: true, user: { select: { name: true } } } });
  return new Map(rows.map((r) => [r.userId, r.user.name]));
}

export type SaveOutcome = { kind: "saved"; version: number } | { kind: "conflict" };

/**
 * Saves answers over the version the person's form was based on (0: there was no response
 * yet). One statement, atomic: an UPDATE that names the version it read, or an INSERT that
 * does nothing when a colleague created the row first. When a colleague saved in between,
 * nothing is written and the caller shows their save beside the person's typed text.
 */
export async function saveResponse(
  ctx: ConsultationsCtx,
  input: { consultationId: string; respondentKey: string; seenVersion: number; answers: Answers; submit: boolean; now: Date },
): Promise<SaveOutcome> {
  const by = ctx.person.id;
  const submitted = input.submit ? { status: "SUBMITTED" as const, submittedAt: input.now, submittedById: by } : {};
  if (input.seenVersion === 0) {
    const organisationId = input.respondentKey.startsWith("org:") ? input.respondentKey.slice(4) : null;
    const userId = input.respondentKey === keys.person(by) ? by : null;
    const created = await ctx.db.consultationsResponse.createMany({
      data: [{ tenantId: ctx.tenant.id, consultationId: input.consultationId, respondentKey: input.respondentKey, organisationId, userId, answers: input.answers, version: 1, updatedById: by, ...submitted }],
      skipDuplicates: true,
    });
    return created.count === 1 ? { kind: "saved", version: 1 } : { kind: "conflict" };
  }
  const updated = await ctx.db.consultationsResponse.updateMany({
    // A draft never replaces a submission: a submitted response changes only by submitting again.
    where: { consultationId: input.consultationId, respondentKey: input.respondentKey, version: input.seenVersion, ...(input.submit ? {} : { status: "DRAFT" as const }) },
    data: { answers: input.answers, version: { increment: 1 }, updatedById: by, ...submitted },
  });
  return updated.count === 1 ? { kind: "saved", version: input.seenVersion + 1 } : { kind: "conflict" };
}
