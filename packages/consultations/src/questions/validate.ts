import { z } from "zod";
import type { AnsweringKey } from "./i18n.ts";
import { answersToFieldValues, fieldName, LIMITS, SCALE_POINTS, type Answer, type Answers, type FieldValues, type Question } from "./kinds.ts";

/** The messages validation needs (the answering catalogue's translator fits). */
export type ValidationT = (key: Extract<AnsweringKey, `consultations.answering.error.${string}`>, params?: Record<string, string | number>) => string;

/** Question id → the first problem with its answer, in words a member understands. */
export type AnswerErrors = Record<string, string>;

export type AnswersResult = { ok: true; answers: Answers } | { ok: false; errors: AnswerErrors; answers: Answers };

/**
 * `draft`: what is there must be well-formed (an option that is offered, a scale in range, a
 * full ranking), but questions may be unanswered. `submit`: required questions must be answered too.
 */
export type Completeness = "draft" | "submit";

const UNANSWERED = undefined;

/** The raw values one question's controls sent. */
function rawInput(q: Question, values: FieldValues) {
  const all = (name: string) => values[name] ?? [];
  const one = (name: string) => all(name).at(-1) ?? "";
  switch (q.kind) {
    case "SHORT_TEXT":
    case "LONG_TEXT":
    case "SCALE":
      return one(fieldName.answer(q.id));
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE":
      return all(fieldName.answer(q.id));
    case "RANKING":
      return q.options.map((_, i) => one(fieldName.rank(q.id, i)));
    case "YES_NO":
      return { answer: one(fieldName.answer(q.id)), comment: one(fieldName.comment(q.id)) };
  }
}

/** The zod schema of one question's raw input: its answer, or undefined when unanswered. */
export function answerSchema(q: Question, t: ValidationT): z.ZodType<Answer | undefined> {
  const offered = new Set(q.options);
  const tooLong = (max: number, key: "tooLong" | "commentTooLong") => (issue: { input?: unknown }) =>
    t(`consultations.answering.error.${key}`, { max, length: typeof issue.input === "string" ? issue.input.length : 0 });
  switch (q.kind) {
    case "SHORT_TEXT":
    case "LONG_TEXT": {
      const max = LIMITS[q.kind];
      return z
        .string()
        .transform((s) => s.replace(/\r\n/g, "\n").trim())
        .pipe(z.string().max(max, { error: tooLong(max, "tooLong") }))
        .transform((s) => s || UNANSWERED);
    }
    case "SINGLE_CHOICE":
      return z
        .array(z.string())
        .transform((list) => list.filter(Boolean))
        .pipe(z.array(z.string().refine((v) => offered.has(v), { error: t("consultations.answering.error.notAnOption") })).max(1, { error: t("consultations.answering.error.oneChoice") }))
        .transform((list) => list[0] ?? UNANSWERED);
    case "MULTIPLE_CHOICE":
      return z
        .array(z.string())
        .transform((list) => list.filter(Boolean))
        .pipe(z.array(z.string().refine((v) => offered.has(v), { error: t("consultations.answering.error.notAnOption") })))
        // Kept in the question's order, each once, whatever order the browser sent them in.
        .transform((list) => (list.length ? q.options.filter((o) => list.includes(o)) : UNANSWERED));
    case "SCALE":
      return z
        .string()
        .transform((s) => s.trim())
        .refine((s) => s === "" || SCALE_POINTS.map(String).includes(s), { error: t("consultations.answering.error.scale") })
        .transform((s) => (s ? Number(s) : UNANSWERED));
    case "RANKING":
      return z
        .array(z.string().transform((s) => s.trim()))
        .superRefine((ranks, ctx) => {
          if (ranks.length !== q.options.length) return void ctx.addIssue({ code: "custom", message: t("consultations.answering.error.rankingIncomplete") });
          if (ranks.every((r) => r === "")) return;
          if (ranks.some((r) => r === "")) return void ctx.addIssue({ code: "custom", message: t("consultations.answering.error.rankingIncomplete") });
          const count = q.options.length;
          if (ranks.some((r) => !/^\d{1,3}$/.test(r) || Number(r) < 1 || Number(r) > count))
            return void ctx.addIssue({ code: "custom", message: t("consultations.answering.error.rankingRange", { count }) });
          const twice = ranks.find((r, i) => ranks.indexOf(r) !== i);
          if (twice) ctx.addIssue({ code: "custom", message: t("consultations.answering.error.rankingDuplicate", { rank: Number(twice) }) });
        })
        .transform((ranks) => {
          if (ranks.every((r) => r === "")) return UNANSWERED;
          const ordered: string[] = [];
          ranks.forEach((r, i) => (ordered[Number(r) - 1] = q.options[i]!));
          return ordered;
        });
    case "YES_NO":
      return z
        .object({
          answer: z.string().refine((s): s is "" | "yes" | "no" => s === "" || s === "yes" || s === "no", { error: t("consultations.answering.error.yesNo") }),
          comment: z
            .string()
            .transform((s) => s.replace(/\r\n/g, "\n").trim())
            .pipe(z.string().max(LIMITS.comment, { error: tooLong(LIMITS.comment, "commentTooLong") })),
        })
        .superRefine((v, ctx) => {
          if (!v.answer && v.comment) ctx.addIssue({ code: "custom", message: t("consultations.answering.error.commentWithoutAnswer") });
        })
        .transform((v) => (v.answer ? { answer: v.answer, comment: v.comment } : UNANSWERED));
  }
}

/** A question's prompt as an error names it: its first words (up to 60 characters) when it is long. */
function shortPrompt(prompt: string): string {
  const flat = prompt.replace(/\s+/g, " ").trim();
  if (flat.length <= 60) return flat;
  const cut = flat.slice(0, 60);
  const space = cut.lastIndexOf(" ");
  return `${(space > 30 ? cut.slice(0, space) : cut).trimEnd()}\u2026`;
}

/**
 * Reads and checks the answers a form sent (as `formLists` gives them) against the questions.
 * Every question is checked, so a person sees all problems at once; `answers` holds what was
 * well-formed either way.
 */
export function validateAnswers(questions: readonly Question[], values: FieldValues, completeness: Completeness, t: ValidationT): AnswersResult {
  const answers: Answers = {};
  const errors: AnswerErrors = {};
  for (const [i, q] of questions.entries()) {
    const required = () => t("consultations.answering.error.required", { n: i + 1, prompt: shortPrompt(q.prompt) });
    const parsed = answerSchema(q, t).safeParse(rawInput(q, values));
    if (!parsed.success) {
      errors[q.id] = parsed.error.issues[0]?.message ?? required();
      continue;
    }
    if (parsed.data === undefined) {
      if (completeness === "submit" && q.required) errors[q.id] = required();
      continue;
    }
    answers[q.id] = parsed.data;
  }
  return Object.keys(errors).length ? { ok: false, errors, answers } : { ok: true, answers };
}

/**
 * Answers as stored (JSON) read back safely: only answers that still fit their question (an
 * option since removed, a malformed value) are kept. For the form, the receipt and results.
 */
export function storedAnswers(questions: readonly Question[], stored: unknown): Answers {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return {};
  return validateAnswers(questions, answersToFieldValues(questions, stored as Answers), "draft", () => "").answers;
}
