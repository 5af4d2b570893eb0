import { FormFeedback, type FormResult } from "@commons/ui";
import { t } from "./i18n.ts";

/** What an action of this plugin returns (see forms.server.ts), as the page receives it. */
export { failureOf, type FormResult as ActionResult } from "@commons/ui";

/** The success notice and, for the form that failed, its error summary. */
export function Feedback({ result, intent }: { result: FormResult; intent: string }) {
  return <FormFeedback result={result} intent={intent} errorTitle={t("taskforce.form.errorSummaryTitle")} />;
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
