import { ErrorSummary, Notice } from "@commons/ui";
import { useMembersT } from "../i18n.ts";

/** What a people-area action returns (the SDK's invalid/fieldError/formError/done), as the page receives it. */
export type ActionResult =
  | { ok: true; form: string; notice: string }
  | { ok: false; form: string; errors: Partial<Record<string, string>>; formError?: string; values: Record<string, string> }
  | undefined;

/** The failure of the form named `intent`, if that is the form that was sent. */
export function failureOf(result: ActionResult, intent: string) {
  return result && !result.ok && result.form === intent ? result : undefined;
}

/** The success notice and, for the form that failed, its error summary. */
export function Feedback({ result, intent }: { result: ActionResult; intent: string }) {
  const t = useMembersT();
  if (!result || result.form !== intent) return null;
  if (result.ok) return <Notice tone="success">{result.notice}</Notice>;
  return <ErrorSummary title={t("members.people.form.errorSummaryTitle")} errors={result.errors} formError={result.formError} />;
}

/** A form's key: a new one after its own success, so the form empties. */
export function formKey(result: ActionResult, intent: string): string {
  return result?.ok && result.form === intent ? `${intent}-${result.notice}` : intent;
}
