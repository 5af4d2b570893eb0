import { FormFeedback, type FormResult } from "@commons/ui";
import type { MembersT, MessageKey } from "../i18n.ts";
import type { ImportKind } from "./fields.ts";

/** A problem or note as the server describes it (see check.server.ts). */
export interface ProblemView {
  key: string;
  params?: Record<string, string | number>;
}

export function fieldLabel(t: MembersT, kind: ImportKind, field: string): string {
  return t(`members.import.field.${kind}.${field}` as MessageKey);
}

/** A row's problem in the reader's language; the field a length limit concerns is named by its label. */
export function problemText(t: MembersT, kind: ImportKind, problem: ProblemView): string {
  const params = { ...problem.params };
  if (typeof params.field === "string") params.field = fieldLabel(t, kind, params.field);
  return t(`members.import.problem.${problem.key}` as MessageKey, params);
}

export type { FormResult as ImportActionResult } from "@commons/ui";

/** The success notice or the error summary of the form that was sent. */
export function ImportFeedback({ t, result }: { t: MembersT; result: FormResult }) {
  return <FormFeedback result={result} errorTitle={t("members.import.errorSummaryTitle")} />;
}

