import { formatDateTime, formatWithZone, safeZone } from "@commons/i18n";
import { renderMarkdown } from "@commons/markdown";
import { PERMISSIONS } from "../constants.ts";
import { takesAnswers, type ConsultationForPerson, type ConsultationsCtx } from "../access.server.ts";
import { answersToFieldValues, answerText, fieldName, type Answers, type FieldValues, type Question } from "../questions/kinds.ts";
import type { AnsweringT } from "../questions/i18n.ts";
import { questionsOf, responseOf, type SavedResponse } from "./responses.server.ts";

/** The coalition's zone when the runtime knows it, else UTC (a mistyped setting never breaks a page). */
export function coalitionZone(ctx: ConsultationsCtx): string {
  return safeZone(ctx.settings.timezone);
}

/** A date as the reader reads it: their language, the coalition's zone (named beside it by the caller). */
export function when(ctx: ConsultationsCtx, date: Date): string {
  return formatDateTime(date, ctx.person.locale, coalitionZone(ctx));
}

/** A date with its zone named, as every consultations page and email writes a deadline (formatWithZone). */
export function whenNamed(ctx: ConsultationsCtx, date: Date): string {
  return formatWithZone(date, ctx.person.locale, coalitionZone(ctx));
}

/** What the answering page shows; shared by its loader and by its action's failures. */
export async function answeringPage(ctx: ConsultationsCtx, found: ConsultationForPerson, now: Date = new Date()) {
  const { consultation: c, recipient, manager } = found;
  const questions = await questionsOf(ctx.db, c.id);
  const attachments = await ctx.db.consultationsAttachment.findMany({ where: { consultationId: c.id }, orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true } });
  const response = recipient ? await responseOf(ctx.db, c.id, recipient.respondentKey, questions) : null;
  const zone = coalitionZone(ctx);
  const open = takesAnswers(c, now);
  return {
    slug: ctx.tenant.slug,
    consultation: {
      id: c.id,
      title: c.title,
      purpose: c.purpose,
      backgroundHtml: c.background ? renderMarkdown(c.background, { topHeading: 3 }) : "",
      status: c.status,
      mode: c.mode,
      deadline: c.deadline ? whenNamed(ctx, c.deadline) : null,
      deadlineIso: c.deadline?.toISOString() ?? null,
      deadlinePassed: !!c.deadline && c.deadline <= now,
      zone,
    },
    attachments,
    questions,
    manager,
    recipient: recipient
      ? { organisation: recipient.organisation?.name ?? null, active: recipient.active, maySubmit: recipient.maySubmit, hasFocalPoint: recipient.hasFocalPoint }
      : null,
    /** Whether this person may save answers now (the form's buttons are shown). */
    canAnswer: !!recipient && recipient.active && open,
    open,
    response: response ? responseView(ctx, response, questions) : null,
    /** Stakeholders reach a consultation from its email but have no list of consultations to go back to. */
    canList: ctx.can(PERMISSIONS.takePart),
    member: ctx.nav,
  };
}

function responseView(ctx: ConsultationsCtx, response: SavedResponse, questions: readonly Question[]) {
  return {
    status: response.status,
    version: response.version,
    values: answersToFieldValues(questions, response.answers),
    updatedBy: response.updatedBy,
    updatedAt: when(ctx, response.updatedAt),
    submittedBy: response.submittedBy,
    submittedAt: response.submittedAt ? when(ctx, response.submittedAt) : null,
  };
}

/**
 * What a person typed, as plain text per question, so a refused save (after the deadline)
 * loses nothing: the page offers it to copy. Raw values, malformed or not.
 */
export function typedText(questions: readonly Question[], values: FieldValues, t: AnsweringT): string {
  const one = (name: string) => (values[name] ?? []).at(-1)?.trim() ?? "";
  const blocks: string[] = [];
  questions.forEach((q, i) => {
    let text = "";
    switch (q.kind) {
      case "RANKING":
        text = q.options
          .map((o, n) => [one(fieldName.rank(q.id, n)), o] as const)
          .filter(([r]) => r)
          .sort(([a], [b]) => Number(a) - Number(b))
          .map(([r, o]) => `${r}. ${o}`)
          .join("\n");
        break;
      case "YES_NO": {
        const answer = one(fieldName.answer(q.id));
        const yesNo = answer === "yes" ? t("consultations.answering.question.yes") : answer === "no" ? t("consultations.answering.question.no") : "";
        text = [yesNo, one(fieldName.comment(q.id))].filter(Boolean).join("\n");
        break;
      }
      default:
        text = (values[fieldName.answer(q.id)] ?? []).map((v) => v.trim()).filter(Boolean).join("\n");
    }
    blocks.push(`${i + 1}. ${q.prompt}\n${text || "—"}`);
  });
  return blocks.join("\n\n");
}

/** A colleague's saved answers as one line per question, shown under each question in a conflict. */
export function theirAnswers(questions: readonly Question[], answers: Answers, t: AnsweringT): Record<string, string> {
  const words = { yes: t("consultations.answering.question.yes"), no: t("consultations.answering.question.no") };
  return Object.fromEntries(questions.map((q) => [q.id, answerText(q, answers[q.id], words)]));
}
