/** The answering area's strings (keys "consultations.answering.…"), the question kinds' among them. */
export const answering = {
  // The question fields (answer form and the drafting preview).
  "consultations.answering.question.required": "(required)",
  "consultations.answering.question.optional": "(optional)",
  "consultations.answering.question.answerLabel": "Your answer",
  "consultations.answering.question.yes": "Yes",
  "consultations.answering.question.no": "No",
  "consultations.answering.question.comment": "Comment (optional)",
  "consultations.answering.question.scaleHint": "From 1 ({min}) to 5 ({max}).",
  "consultations.answering.question.scaleHintPlain": "From 1 (lowest) to 5 (highest).",
  "consultations.answering.question.scalePoint": "{n}",
  "consultations.answering.question.scaleEnd": "{n} – {label}",
  "consultations.answering.question.rankingHint": "Give each option a different rank: 1 for the most important, {count} for the least.",
  "consultations.answering.question.rankOf": "Rank of {option}",
  "consultations.answering.question.notRanked": "Not ranked",
  "consultations.answering.question.multipleHint": "Tick all that apply.",

  // Validation, one message per question.
  "consultations.answering.error.required": "Answer this question: it is required.",
  "consultations.answering.error.tooLong": "Keep this answer under {max} characters (it has {length}).",
  "consultations.answering.error.commentTooLong": "Keep the comment under {max} characters (it has {length}).",
  "consultations.answering.error.notAnOption": "Choose one of the options offered.",
  "consultations.answering.error.oneChoice": "Choose only one option.",
  "consultations.answering.error.scale": "Choose a number from 1 to 5.",
  "consultations.answering.error.rankingIncomplete": "Give every option a rank, or leave them all blank.",
  "consultations.answering.error.rankingDuplicate": "Give each option a different rank: {rank} is used more than once.",
  "consultations.answering.error.rankingRange": "Ranks go from 1 to {count}.",
  "consultations.answering.error.yesNo": "Choose yes or no.",
  "consultations.answering.error.commentWithoutAnswer": "Choose yes or no as well as writing a comment.",
} as const;
