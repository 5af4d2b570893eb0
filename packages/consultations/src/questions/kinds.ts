import type { QuestionKind } from "../constants.ts";

/**
 * The question kinds' shared shapes: what a question is, what an answer to each kind is,
 * and how answers map onto the answer form's fields. Client-safe (the form component and
 * the drafting preview use it as well as the server).
 */
export interface Question {
  id: string;
  kind: QuestionKind;
  prompt: string;
  help: string;
  required: boolean;
  /** Choices for SINGLE_CHOICE, MULTIPLE_CHOICE and RANKING. */
  options: readonly string[];
  /** Labels of a SCALE's ends (1 and 5); may be empty. */
  scaleMinLabel: string;
  scaleMaxLabel: string;
}

/** The columns to select for a Question (one query for all of a consultation's questions). */
export const QUESTION_SELECT = { id: true, kind: true, prompt: true, help: true, required: true, options: true, scaleMinLabel: true, scaleMaxLabel: true } as const;

export type YesNoAnswer = { answer: "yes" | "no"; comment: string };

/**
 * One answer, by kind: SHORT_TEXT, LONG_TEXT and SINGLE_CHOICE → string; MULTIPLE_CHOICE →
 * the ticked options (in the question's order); RANKING → every option, first-ranked first;
 * SCALE → 1–5; YES_NO → { answer, comment }.
 */
export type Answer = string | string[] | number | YesNoAnswer;

/** Question id → answer; an unanswered question has no key. */
export type Answers = Record<string, Answer>;

/** What the answer form's fields hold: field name → every value sent (checkbox groups send several). */
export type FieldValues = Record<string, string[]>;

export const SCALE_POINTS = [1, 2, 3, 4, 5] as const;

/** Longest answers, in characters. */
export const LIMITS = { SHORT_TEXT: 500, LONG_TEXT: 10_000, comment: 5_000 } as const;

/** The form field names of a question's controls. */
export const fieldName = {
  answer: (questionId: string) => `answer.${questionId}`,
  comment: (questionId: string) => `answer.${questionId}.comment`,
  rank: (questionId: string, optionIndex: number) => `answer.${questionId}.rank.${optionIndex}`,
};

/** The id of a question's fieldset, which the error summary links to (`#field-<questionId>`). */
export const questionAnchor = (questionId: string) => `field-${questionId}`;

/** Stored answers as the form's field values, to fill the form with a saved draft or submission. */
export function answersToFieldValues(questions: readonly Question[], answers: Answers): FieldValues {
  const values: FieldValues = {};
  for (const q of questions) {
    const a = answers[q.id];
    if (a === undefined) continue;
    switch (q.kind) {
      case "SHORT_TEXT":
      case "LONG_TEXT":
      case "SINGLE_CHOICE":
        if (typeof a === "string") values[fieldName.answer(q.id)] = [a];
        break;
      case "SCALE":
        if (typeof a === "number") values[fieldName.answer(q.id)] = [String(a)];
        break;
      case "MULTIPLE_CHOICE":
        if (Array.isArray(a)) values[fieldName.answer(q.id)] = [...a];
        break;
      case "RANKING":
        if (Array.isArray(a)) q.options.forEach((option, i) => (values[fieldName.rank(q.id, i)] = [a.includes(option) ? String(a.indexOf(option) + 1) : ""]));
        break;
      case "YES_NO":
        if (a && typeof a === "object" && !Array.isArray(a)) {
          values[fieldName.answer(q.id)] = [a.answer];
          values[fieldName.comment(q.id)] = [a.comment];
        }
        break;
    }
  }
  return values;
}

/** An answer as one line of plain text (a receipt, a conflict notice, text to copy). */
export function answerText(question: Question, answer: Answer | undefined, words: { yes: string; no: string }): string {
  if (answer === undefined) return "";
  if (typeof answer === "number") return String(answer);
  if (typeof answer === "string") return answer;
  if (Array.isArray(answer)) return question.kind === "RANKING" ? answer.map((o, i) => `${i + 1}. ${o}`).join("\n") : answer.join("\n");
  const yesNo = answer.answer === "yes" ? words.yes : words.no;
  return answer.comment ? `${yesNo}\n${answer.comment}` : yesNo;
}
