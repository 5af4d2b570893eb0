import { describe, expect, it } from "vitest";
import { answersToFieldValues, fieldName, storedAnswers, validateAnswers, type FieldValues, type Question } from "../src/questions/index.ts";
import { answeringT } from "../src/questions/i18n.ts";

const t = answeringT("en");

function question(kind: Question["kind"], extra: Partial<Question> = {}): Question {
  return { id: `00000000-0000-4000-8000-00000000000${"SHORT_TEXT LONG_TEXT SINGLE_CHOICE MULTIPLE_CHOICE SCALE RANKING YES_NO".split(" ").indexOf(kind) + 1}`, kind, prompt: kind, help: "", required: false, options: [], scaleMinLabel: "", scaleMaxLabel: "", ...extra };
}

const short = question("SHORT_TEXT", { required: true });
const long = question("LONG_TEXT");
const single = question("SINGLE_CHOICE", { options: ["Mining", "Oil", "Gas"], required: true });
const multiple = question("MULTIPLE_CHOICE", { options: ["Luzon", "Visayas", "Mindanao"] });
const scale = question("SCALE", { scaleMinLabel: "Not at all", scaleMaxLabel: "Very much", required: true });
const ranking = question("RANKING", { options: ["Disclosure", "Consent", "Revenue"], required: true });
const yesNo = question("YES_NO", { required: true });
const all = [short, long, single, multiple, scale, ranking, yesNo];

const a = fieldName.answer;
const rank = (q: Question, ranks: string[]): FieldValues => Object.fromEntries(ranks.map((r, i) => [fieldName.rank(q.id, i), [r]]));

function check(q: Question, values: FieldValues, completeness: "draft" | "submit" = "draft") {
  return validateAnswers([q], values, completeness, t);
}

describe("question kinds: validation", () => {
  it("a complete, good form gives typed answers", () => {
    const values: FieldValues = {
      [a(short.id)]: ["  A short answer "],
      [a(long.id)]: ["Line one\r\nLine two"],
      [a(single.id)]: ["Oil"],
      [a(multiple.id)]: ["Mindanao", "Luzon"],
      [a(scale.id)]: ["4"],
      ...rank(ranking, ["2", "3", "1"]),
      [a(yesNo.id)]: ["no"],
      [fieldName.comment(yesNo.id)]: ["Not yet"],
    };
    const result = validateAnswers(all, values, "submit", t);
    expect(result).toEqual({
      ok: true,
      answers: {
        [short.id]: "A short answer",
        [long.id]: "Line one\nLine two",
        [single.id]: "Oil",
        [multiple.id]: ["Luzon", "Mindanao"],
        [scale.id]: 4,
        [ranking.id]: ["Revenue", "Disclosure", "Consent"],
        [yesNo.id]: { answer: "no", comment: "Not yet" },
      },
    });
    // What was saved fills the form again exactly.
    if (result.ok) expect(validateAnswers(all, answersToFieldValues(all, result.answers), "submit", t)).toEqual(result);
  });

  it("an empty form is a well-formed draft but not a submission: each required question says so", () => {
    expect(validateAnswers(all, {}, "draft", t)).toEqual({ ok: true, answers: {} });
    const submitted = validateAnswers(all, {}, "submit", t);
    expect(submitted.ok).toBe(false);
    if (submitted.ok) return;
    expect(Object.keys(submitted.errors).sort()).toEqual([short.id, single.id, scale.id, ranking.id, yesNo.id].sort());
    // Each names its question, so the error summary of a long form says where.
    expect(submitted.errors[short.id]).toBe(`Question 1, \u201C${short.prompt}\u201D: answer it, it is required.`);
    expect(submitted.errors[yesNo.id]).toBe(`Question 7, \u201C${yesNo.prompt}\u201D: answer it, it is required.`);
    // Whitespace is no answer.
    expect(check(short, { [a(short.id)]: ["   "] }, "submit")).toMatchObject({ ok: false, errors: { [short.id]: `Question 1, \u201C${short.prompt}\u201D: answer it, it is required.` } });
  });

  it("names a long question by its first words in the required error", () => {
    const wordy = question("SINGLE_CHOICE", { required: true, options: ["A", "B"], prompt: "Which option should the coalition put first in its submission to the Senate committee on mining?" });
    const result = validateAnswers([short, wordy], { [a(short.id)]: ["Yes"] }, "submit", t);
    expect(result).toMatchObject({ ok: false, errors: { [wordy.id]: "Question 2, \u201CWhich option should the coalition put first in its\u2026\u201D: answer it, it is required." } });
  });

  it("texts are bounded", () => {
    expect(check(short, { [a(short.id)]: ["x".repeat(501)] })).toMatchObject({ ok: false, errors: { [short.id]: "Keep this answer under 500 characters (it has 501)." } });
    expect(check(long, { [a(long.id)]: ["x".repeat(10_000)] }).ok).toBe(true);
    expect(check(long, { [a(long.id)]: ["x".repeat(10_001)] }).ok).toBe(false);
    expect(check(yesNo, { [a(yesNo.id)]: ["yes"], [fieldName.comment(yesNo.id)]: ["x".repeat(5_001)] })).toMatchObject({ ok: false, errors: { [yesNo.id]: "Keep the comment under 5000 characters (it has 5001)." } });
  });

  it("a choice must be one offered; a single choice only one", () => {
    expect(check(single, { [a(single.id)]: ["Coal"] })).toMatchObject({ ok: false, errors: { [single.id]: "Choose one of the options offered." } });
    expect(check(single, { [a(single.id)]: ["Oil", "Gas"] })).toMatchObject({ ok: false, errors: { [single.id]: "Choose only one option." } });
    expect(check(multiple, { [a(multiple.id)]: ["Luzon", "Palawan"] })).toMatchObject({ ok: false, errors: { [multiple.id]: "Choose one of the options offered." } });
    expect(check(multiple, { [a(multiple.id)]: ["Visayas", "Visayas"] })).toEqual({ ok: true, answers: { [multiple.id]: ["Visayas"] } });
  });

  it("a scale takes 1 to 5 only", () => {
    for (const good of ["1", "5"]) expect(check(scale, { [a(scale.id)]: [good] })).toEqual({ ok: true, answers: { [scale.id]: Number(good) } });
    for (const bad of ["0", "6", "3.5", "-1", "three", "1e0"]) expect(check(scale, { [a(scale.id)]: [bad] })).toMatchObject({ ok: false, errors: { [scale.id]: "Choose a number from 1 to 5." } });
  });

  it("a ranking ranks each option exactly once", () => {
    expect(check(ranking, rank(ranking, ["1", "2", "3"]))).toEqual({ ok: true, answers: { [ranking.id]: ["Disclosure", "Consent", "Revenue"] } });
    expect(check(ranking, rank(ranking, ["1", "1", "3"]))).toMatchObject({ ok: false, errors: { [ranking.id]: "Give each option a different rank: 1 is used more than once." } });
    expect(check(ranking, rank(ranking, ["1", "", "2"]))).toMatchObject({ ok: false, errors: { [ranking.id]: "Give every option a rank, or leave them all blank." } });
    expect(check(ranking, rank(ranking, ["1", "2"]))).toMatchObject({ ok: false, errors: { [ranking.id]: "Give every option a rank, or leave them all blank." } });
    expect(check(ranking, rank(ranking, ["1", "2", "4"]))).toMatchObject({ ok: false, errors: { [ranking.id]: "Ranks go from 1 to 3." } });
    expect(check(ranking, rank(ranking, ["1", "2", "x"]))).toMatchObject({ ok: false, errors: { [ranking.id]: "Ranks go from 1 to 3." } });
    // All blank: unanswered, fine in a draft, refused on submit when required.
    expect(check(ranking, rank(ranking, ["", "", ""]))).toEqual({ ok: true, answers: {} });
    expect(check(ranking, rank(ranking, ["", "", ""]), "submit").ok).toBe(false);
  });

  it("yes/no takes yes or no, with an optional comment", () => {
    expect(check(yesNo, { [a(yesNo.id)]: ["yes"] })).toEqual({ ok: true, answers: { [yesNo.id]: { answer: "yes", comment: "" } } });
    expect(check(yesNo, { [a(yesNo.id)]: ["maybe"] })).toMatchObject({ ok: false, errors: { [yesNo.id]: "Choose yes or no." } });
    expect(check(yesNo, { [fieldName.comment(yesNo.id)]: ["Only a comment"] })).toMatchObject({ ok: false, errors: { [yesNo.id]: "Choose yes or no as well as writing a comment." } });
  });

  it("every problem is reported at once, and the well-formed answers are kept", () => {
    const result = validateAnswers(all, { [a(short.id)]: ["fine"], [a(scale.id)]: ["9"], [a(single.id)]: ["Coal"] }, "draft", t);
    expect(result).toMatchObject({ ok: false, answers: { [short.id]: "fine" } });
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual([single.id, scale.id].sort());
  });

  it("stored answers are read back safely: malformed or no-longer-offered answers are dropped", () => {
    const stored = { [short.id]: "kept", [single.id]: "Removed option", [scale.id]: 12, [yesNo.id]: null, [ranking.id]: ["Consent"], unknown: "x" };
    expect(storedAnswers(all, stored)).toEqual({ [short.id]: "kept" });
    expect(storedAnswers(all, "not an object")).toEqual({});
  });
});
