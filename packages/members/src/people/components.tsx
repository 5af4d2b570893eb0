import { FormFeedback, type FormResult } from "@commons/ui";
import { useMembersT } from "../i18n.ts";

/** What a people-area action returns, as the page receives it. */
export { failureOf, formKey, type FormResult as ActionResult } from "@commons/ui";

/** The success notice and, for the form that failed, its error summary. */
export function Feedback({ result, intent }: { result: FormResult; intent: string }) {
  const t = useMembersT();
  return <FormFeedback result={result} intent={intent} errorTitle={t("members.people.form.errorSummaryTitle")} />;
}
