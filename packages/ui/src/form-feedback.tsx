import { ErrorSummary, Notice, type FieldErrors } from "./forms.tsx";

/**
 * What an action answers (the SDK's invalid / fieldError / formError / done), as the page
 * receives it: `form` is the `intent` of the form that was sent.
 */
export type FormResult =
  | { ok: true; form: string; notice: string }
  | { ok: false; form: string; errors: FieldErrors; formError?: string; values: Record<string, string>; lists?: Record<string, string[]> }
  | undefined;

/** The failure of the form named `intent`, if that is the form that was sent. */
export function failureOf(result: FormResult, intent: string) {
  return result && !result.ok && result.form === intent ? result : undefined;
}

/** A form's key: a new one after its own success, so the form empties. */
export function formKey(result: FormResult, intent: string): string {
  return result?.ok && result.form === intent ? `${intent}-${result.notice}` : intent;
}

/**
 * The success notice or the error summary of the form that was sent; with `intent`, only
 * when that is the form (pages with several forms), without it for any form of the page.
 */
export function FormFeedback({ result, intent, errorTitle }: { result: FormResult; intent?: string; errorTitle: string }) {
  if (!result || (intent !== undefined && result.form !== intent)) return null;
  if (result.ok) return <Notice tone="success">{result.notice}</Notice>;
  return <ErrorSummary title={errorTitle} errors={result.errors} formError={result.formError} />;
}
