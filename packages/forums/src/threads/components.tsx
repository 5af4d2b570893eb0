import { ErrorSummary, FileField, Notice, TextAreaField } from "@commons/ui";
import { forumLinks } from "../spaces/forum-nav.tsx";
import { useThreadsT } from "./i18n.ts";
import { MAX_FILES, POST_MAX } from "./limits.ts";
import stylesheet from "./threads.css?url";

/** Thread pages add their own stylesheet to the forum header's. */
export const threadLinks = () => [...forumLinks(), { rel: "stylesheet", href: stylesheet }];

/** What a threads action returns (the SDK's invalid/fieldError/formError/done), as the page receives it. */
export type ActionResult =
  | { ok: true; form: string; notice: string }
  | { ok: false; form: string; errors: Partial<Record<string, string>>; formError?: string; values: Record<string, string> }
  | undefined;

/** The failure of the form named `intent`, if that is the form that was sent. */
export function failureOf(result: ActionResult, intent: string) {
  return result && !result.ok && result.form === intent ? result : undefined;
}

/** The success notice and, for the form that failed, its error summary. */
export function Feedback({ result, intent }: { result: ActionResult; intent?: string }) {
  const t = useThreadsT();
  if (!result || (intent && result.form !== intent)) return null;
  if (result.ok) return <Notice tone="success">{result.notice}</Notice>;
  return <ErrorSummary title={t("forums.threads.error.summary")} errors={result.errors} formError={result.formError} />;
}

/**
 * A post's body: HTML rendered and sanitised by @commons/markdown when the post was
 * written (scripts, event attributes, javascript: links and raw HTML removed there).
 */
export function PostBody({ html }: { html: string }) {
  // Sanitised on write by @commons/markdown.
  return <div className="thread-post__body" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** File sizes for people: "820 KB", "3.4 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The message field (with its limit said next to it) and, when `maxMegabytes` is given, the
 * attachments field. After a failure both show their errors and the text comes back as typed.
 */
export function PostFields({ failure, defaultBody, maxMegabytes, accept, label }: { failure?: { errors: Partial<Record<string, string>>; values: Record<string, string> }; defaultBody?: string; maxMegabytes?: number; accept?: string; label?: string }) {
  const t = useThreadsT();
  return (
    <>
      <TextAreaField
        name="body"
        label={label ?? t("forums.threads.field.body")}
        hint={t("forums.threads.field.bodyHint", { max: POST_MAX.toLocaleString("en") })}
        defaultValue={failure?.values.body ?? defaultBody}
        error={failure?.errors.body}
        rows={8}
      />
      {maxMegabytes ? (
        <FileField
          name="attachments"
          label={t("forums.threads.field.attachments")}
          hint={t("forums.threads.field.attachmentsHint", { count: MAX_FILES, megabytes: maxMegabytes })}
          error={failure?.errors.attachments}
          accept={accept}
          multiple
        />
      ) : null}
    </>
  );
}

/** A reason field (flags, hiding) with its limit. */
export function ReasonField({ failure, maxLength }: { failure?: { errors: Partial<Record<string, string>>; values: Record<string, string> }; maxLength: number }) {
  const t = useThreadsT();
  return <TextAreaField name="reason" label={t("forums.threads.field.reason")} defaultValue={failure?.values.reason} error={failure?.errors.reason} maxLength={maxLength} rows={4} />;
}
