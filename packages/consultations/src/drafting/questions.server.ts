import { z } from "zod";
import { QUESTION_KINDS } from "../constants.ts";
import { hasOptions } from "./question-kinds.ts";
import type { Db } from "./access.server.ts";
import type { DraftingT } from "./i18n.ts";

export const MAX_QUESTIONS = 100;
export const MAX_OPTIONS = 30;
export const OPTION_MAX_LENGTH = 200;


/**
 * A question as the form sends it. Options (one per line) count only for the choice and
 * ranking kinds, which need at least two different ones; scale labels only for a scale.
 */
export function questionSchema(t: DraftingT) {
  const text = (max: number) => z.preprocess((v) => v ?? "", z.string().trim().max(max, { error: t("consultations.drafting.error.tooLong", { max }) }));
  return z
    .object({
      kind: z.enum(QUESTION_KINDS, { error: t("consultations.drafting.error.choose") }),
      prompt: z.preprocess((v) => v ?? "", z.string().trim().min(1, { error: t("consultations.drafting.error.promptRequired") }).max(500, { error: t("consultations.drafting.error.tooLong", { max: 500 }) })),
      help: text(2000),
      required: z.preprocess((v) => v === "on", z.boolean()),
      options: z.preprocess((v) => v ?? "", z.string().max(20_000)),
      scaleMinLabel: text(60),
      scaleMaxLabel: text(60),
    })
    .transform((q, ctx) => {
      const lines = q.options.split("\n").map((l) => l.trim().replace(/\s+/g, " ")).filter(Boolean);
      let options: string[] = [];
      if (hasOptions(q.kind)) {
        const seen = new Set<string>();
        for (const option of lines) {
          const key = option.toLocaleLowerCase();
          if (seen.has(key)) {
            ctx.addIssue({ code: "custom", path: ["options"], message: t("consultations.drafting.error.optionTwice", { option }) });
            return z.NEVER;
          }
          seen.add(key);
        }
        if (lines.length < 2) ctx.addIssue({ code: "custom", path: ["options"], message: t("consultations.drafting.error.optionsRequired") });
        else if (lines.length > MAX_OPTIONS) ctx.addIssue({ code: "custom", path: ["options"], message: t("consultations.drafting.error.tooManyOptions", { max: MAX_OPTIONS }) });
        else if (lines.some((l) => l.length > OPTION_MAX_LENGTH)) ctx.addIssue({ code: "custom", path: ["options"], message: t("consultations.drafting.error.optionTooLong", { max: OPTION_MAX_LENGTH }) });
        options = lines;
      }
      const scale = q.kind === "SCALE";
      return { kind: q.kind, prompt: q.prompt, help: q.help, required: q.required, options, scaleMinLabel: scale ? q.scaleMinLabel : "", scaleMaxLabel: scale ? q.scaleMaxLabel : "" };
    });
}

export type QuestionInput = z.infer<ReturnType<typeof questionSchema>>;

export const DRAFT_QUESTION_SELECT = { id: true, position: true, kind: true, prompt: true, help: true, required: true, options: true, scaleMinLabel: true, scaleMaxLabel: true } as const;

export function questionsOf(db: Db, consultationId: string) {
  return db.consultationsQuestion.findMany({ where: { consultationId }, orderBy: { position: "asc" }, select: DRAFT_QUESTION_SELECT });
}

/** Appends a question at the end (positions run 0, 1, 2, … with no gaps). The caller holds the consultation's lock. */
export async function addQuestion(db: Db, tenantId: string, consultationId: string, input: QuestionInput): Promise<"added" | "full"> {
  const count = await db.consultationsQuestion.count({ where: { consultationId } });
  if (count >= MAX_QUESTIONS) return "full";
  // A double click sends the same question twice; under the lock the second sees the first.
  const last = count ? await db.consultationsQuestion.findFirst({ where: { consultationId, position: count - 1 }, select: { kind: true, prompt: true, help: true, options: true } }) : null;
  if (last && last.kind === input.kind && last.prompt === input.prompt && last.help === input.help && last.options.join("\n") === input.options.join("\n")) return "added";
  await db.consultationsQuestion.create({ data: { tenantId, consultationId, position: count, ...input } });
  return "added";
}

/** Deletes a question and closes the gap it leaves. The caller holds the consultation's lock. */
export async function deleteQuestion(db: Db, consultationId: string, questionId: string): Promise<boolean> {
  const question = await db.consultationsQuestion.findFirst({ where: { id: questionId, consultationId }, select: { position: true } });
  if (!question) return false;
  await db.consultationsQuestion.delete({ where: { id: questionId } });
  await db.consultationsQuestion.updateMany({ where: { consultationId, position: { gt: question.position } }, data: { position: { decrement: 1 } } });
  return true;
}

/**
 * Swaps a question with its neighbour above or below. Positions are renumbered from the
 * order first, so a list left with gaps (or duplicates) by older data comes out contiguous.
 * The caller holds the consultation's lock.
 */
export async function moveQuestion(db: Db, consultationId: string, questionId: string, direction: "up" | "down"): Promise<boolean> {
  const order = await db.consultationsQuestion.findMany({ where: { consultationId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, position: true } });
  const at = order.findIndex((q) => q.id === questionId);
  if (at < 0) return false;
  const to = direction === "up" ? at - 1 : at + 1;
  if (to < 0 || to >= order.length) return true;
  const ids = order.map((q) => q.id);
  [ids[at], ids[to]] = [ids[to]!, ids[at]!];
  await Promise.all(
    ids.flatMap((id, position) => (order.find((q) => q.id === id)!.position === position ? [] : [db.consultationsQuestion.update({ where: { id }, data: { position } })])),
  );
  return true;
}
