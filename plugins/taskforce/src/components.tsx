import { ErrorSummary, Notice } from "@commons/ui";
import { t } from "./i18n.ts";

/** What an action of this plugin returns (see forms.server.ts), as the page receives it. */
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
  if (!result || result.form !== intent) return null;
  if (result.ok) return <Notice tone="success">{result.notice}</Notice>;
  return <ErrorSummary title={t("taskforce.form.errorSummaryTitle")} errors={result.errors} formError={result.formError} />;
}

/** Plain text kept as typed: line breaks shown, nothing interpreted as HTML or markdown. */
export function PlainText({ text }: { text: string }) {
  return <div style={{ whiteSpace: "pre-wrap" }}>{text}</div>;
}

export function formatDay(day: string | null): string {
  if (!day) return "";
  const date = new Date(`${day}T00:00:00Z`);
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}
