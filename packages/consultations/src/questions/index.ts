/** The seven question kinds: their shapes, validation and form fields (client-safe). */
export { answersToFieldValues, answerText, fieldName, LIMITS, QUESTION_SELECT, questionAnchor, SCALE_POINTS } from "./kinds.ts";
export type { Answer, Answers, FieldValues, Question, YesNoAnswer } from "./kinds.ts";
export { answerSchema, storedAnswers, validateAnswers } from "./validate.ts";
export type { AnswerErrors, AnswersResult, Completeness, ValidationT } from "./validate.ts";
export { QuestionFields, type QuestionFieldsProps } from "./QuestionFields.tsx";
export { answeringT, useAnsweringT, type AnsweringT } from "./i18n.ts";
