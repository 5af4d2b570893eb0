import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { FileField, FormFeedback, TextAreaField, type FormResult as ActionResult } from "@commons/ui";
import type { ForumNavData } from "../access.server.ts";
import { ForumNav, forumLinks } from "../spaces/forum-nav.tsx";
import { useThreadsT } from "./i18n.ts";
import { MAX_FILES, pageOfNumber, POST_MAX } from "./limits.ts";
import stylesheet from "./threads.css?url";

// The form results every forum page shares (from @commons/ui, not the spaces area, whose
// module would bring its whole catalogue into every thread page's bundle).
export { failureOf, type FormResult as ActionResult } from "@commons/ui";

/** Thread pages add their own stylesheet to the forum header's. */
export const threadLinks = () => [...forumLinks(), { rel: "stylesheet", href: stylesheet }];

/** The success notice, or the error summary of the form that failed (any form of the page). */
export function Feedback({ result, intent }: { result: ActionResult; intent?: string }) {
  const t = useThreadsT();
  return <FormFeedback result={result} intent={intent || undefined} errorTitle={t("forums.threads.error.summary")} />;
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

/**
 * The frame of a page about one post (edit, flag, hide): the forum's header with the page's
 * title, the action's feedback, the page's form, and the way back to the post.
 */
export function PostPage({ nav, title, result, back, children }: { nav: ForumNavData; title: string; result: ActionResult; back: string; children: ReactNode }) {
  const t = useThreadsT();
  return (
    <main id="main">
      <ForumNav nav={nav} current="discussions" inside title={title} />
      <Feedback result={result} />
      {children}
      <p>
        <Link to={back}>{t("forums.threads.edit.back")}</Link>
      </p>
    </main>
  );
}

/** Where a post is: its thread's page that holds it, at the post. */
export function postHref(nav: Pick<ForumNavData, "slug" | "forumId">, threadId: string, number: number): string {
  return `/c/${nav.slug}/forums/${nav.forumId}/threads/${threadId}?page=${pageOfNumber(number)}#post-${number}`;
}
