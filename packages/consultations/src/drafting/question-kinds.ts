import type { QuestionKind } from "../constants.ts";

const WITH_OPTIONS: readonly QuestionKind[] = ["SINGLE_CHOICE", "MULTIPLE_CHOICE", "RANKING"];

/** The kinds answered from a list of options (client-safe: the questions page shows them). */
export const hasOptions = (kind: string) => WITH_OPTIONS.includes(kind as QuestionKind);
