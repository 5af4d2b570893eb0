import { redirect, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { done, formError, invalid } from "@commons/plugin-sdk/forms/server";
import { notFound } from "@commons/plugin-sdk/server";
import { formatDateTime } from "@commons/i18n";
import { Button, Notice, Pagination } from "@commons/ui";
import { NotificationLevelForm } from "../../src/notifications/level-form.tsx";
import { ForumNav } from "../../src/spaces/forum-nav.tsx";
import { enterForum, forumNav, guard, pageParam, requireId, type RouteArgs } from "../../src/threads/access.server.ts";
import { failureOf, Feedback, fileSize, PostBody, PostFields, threadLinks, type ActionResult } from "../../src/threads/components.tsx";
import { paginationLabels, threadsT, useLocale, useThreadsT } from "../../src/threads/i18n.ts";
import { restorePost, setThreadLock } from "../../src/threads/moderation.server.ts";
import { attachFiles, checkBody, checkFiles, errorsOf, hitUploadLimits, onlyTooLarge, withUpload } from "../../src/threads/post-form.server.ts";
import { addPost, findPost, findThread, pageOfNumber, postsPage, POSTS_PER_PAGE, quoteOf, threadWithLevel } from "../../src/threads/posts.server.ts";
import { ACCEPT } from "../../src/threads/upload.server.ts";

export const links = threadLinks;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.thread.title ?? ""} · ${data?.nav.name ?? ""} · Commons` }];

const optionalId = z.uuid().optional().catch(undefined);

/**
 * A thread, one page of posts at a time. Page p is posts numbered (p-1)*50+1 … p*50: one
 * range of the (tenant, thread, number) unique index, so page 40 of a 2,000-reply thread
 * reads what page 1 does. Statements besides the guard's and the forum's: the thread with
 * the person's notification level, the page's posts with their authors (and the quoted post),
 * the page's attachments.
 */
export async function loader(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const threadId = requireId(args.params.threadId);
  const page = pageParam(args.request);
  const quoteId = optionalId.parse(new URL(args.request.url).searchParams.get("quote") ?? undefined);
  return guard(args, async (ctx) => {
    const { db, person, nav } = ctx;
    const entry = await enterForum(ctx, forumId, { request: args.request });
    const found = await threadWithLevel(db, { tenantId: ctx.tenant.id, forumId, threadId, userId: person.id });
    if (!found) throw notFound();
    const { thread, level } = found;
    const pages = Math.max(1, Math.ceil(thread.postCount / POSTS_PER_PAGE));
    const shown = Math.min(page, pages);
    const first = (shown - 1) * POSTS_PER_PAGE + 1;
    const { posts, quoted } = await postsPage(db, { tenantId: ctx.tenant.id, forumId, threadId, first, last: first + POSTS_PER_PAGE - 1, quoteId });
    const ids = posts.map((p) => p.id);
    const files = ids.length
      ? await db.forumPostAttachment.findMany({ where: { postId: { in: ids } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, postId: true, fileName: true, size: true } })
      : [];
    const moderates = entry.canModerate;
    const locked = !!thread.lockedAt;
    // A hidden post can be quoted only by those who may still read it.
    const quotable = quoted && (!quoted.hiddenAt || moderates || quoted.authorId === person.id) ? quoted : null;
    return {
      nav: forumNav(ctx, entry),
      thread: { id: thread.id, title: thread.title, locked, posts: thread.postCount },
      moderates,
      level,
      canReply: !locked && !entry.forum.archivedAt,
      page: shown,
      pages,
      posts: posts.map((p) => {
        const mine = p.authorId === person.id;
        const readable = !p.hiddenAt || moderates || mine;
        return {
          id: p.id,
          number: p.number,
          author: p.author,
          at: p.createdAt.toISOString(),
          editedAt: p.editedAt?.toISOString() ?? null,
          hidden: !!p.hiddenAt,
          hiddenReason: p.hiddenAt && readable ? p.hiddenReason : "",
          html: readable ? p.bodyHtml : null,
          canEdit: (mine && !locked) || moderates,
          canFlag: !mine && !p.hiddenAt,
          files: files.filter((f) => f.postId === p.id).map((f) => ({ id: f.id, fileName: f.fileName, size: f.size })),
        };
      }),
      quote: quotable ? { id: quotable.id, text: quoteOf(quotable.author?.name ?? threadsT(person.locale)("forums.threads.thread.someone"), quotable.body) } : null,
      maxMegabytes: ctx.settings.attachmentMaxMegabytes,
      accept: ACCEPT,
      member: nav,
    };
  });
}

export async function action(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const threadId = requireId(args.params.threadId);
  return withUpload(args.request, (read, written) =>
    guard(args, async (ctx) => {
      const { db, person, tenant } = ctx;
      const t = threadsT(person.locale);
      const entry = await enterForum(ctx, forumId);
      const thread = await findThread(db, forumId, threadId);
      if (!thread) throw notFound();
      if (!read) {
        const form = new FormData();
        form.set("intent", "reply");
        return formError(form, t("forums.threads.error.formTooLarge"), 413);
      }
      const { form, files } = read;
      const intent = form.get("intent");
      const here = `/c/${tenant.slug}/forums/${forumId}/threads/${threadId}`;

      if (intent === "reply") {
        if (thread.lockedAt) return formError(form, t("forums.threads.error.locked"), 409);
        if (entry.forum.archivedAt) return formError(form, t("forums.threads.error.archived"), 409);
        const body = checkBody(t, form);
        const errors = errorsOf({ body: body.error, attachments: checkFiles(t, files, ctx.settings.attachmentMaxMegabytes) });
        if (errors) return invalid(form, errors, onlyTooLarge(errors, files, ctx.settings.attachmentMaxMegabytes) ? 413 : 400);
        if (files.length) {
          const limit = await hitUploadLimits(person.id, args.context);
          if (!limit.allowed) return formError(form, t("forums.threads.error.tooManyUploads", { minutes: Math.ceil(limit.retryAfterSeconds / 60) }), 429);
        }
        const quotedId = optionalId.parse(form.get("quotedPostId") || undefined);
        const quoted = quotedId ? await findPost(db, forumId, quotedId) : null;
        const created = await addPost(ctx, { threadId, forumId, body: body.body, quotedPostId: quoted?.id ?? null });
        await attachFiles(ctx, created.id, files, written);
        return redirect(`${here}?page=${pageOfNumber(created.number)}#post-${created.number}`);
      }

      // Moderation: a person who may not moderate is told nothing exists here.
      if (!entry.canModerate) throw notFound();
      if (intent === "lock" || intent === "unlock") {
        await setThreadLock(ctx, thread, intent === "lock");
        return done(form, t(intent === "lock" ? "forums.threads.thread.lockedDone" : "forums.threads.thread.unlockedDone"));
      }
      if (intent === "restore") {
        const post = await findPost(db, forumId, requireId(form.get("postId")));
        if (!post || post.threadId !== threadId) throw notFound();
        await restorePost(ctx, post, thread);
        return done(form, t("forums.threads.restore.done"));
      }
      return formError(form, t("forums.threads.error.unknownAction"));
    }),
  );
}

export default function ThreadPage() {
  const t = useThreadsT();
  const locale = useLocale();
  const { nav, thread, moderates, level, canReply, page, pages, posts, quote, maxMegabytes, accept } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const failure = failureOf(result, "reply");
  const forum = `/c/${nav.slug}/forums/${nav.forumId}`;
  const here = `${forum}/threads/${thread.id}`;
  return (
    <main id="main">
      <ForumNav nav={nav} current="discussions" inside title={thread.title} />
      <p>{t("forums.threads.thread.posts", { count: thread.posts })}</p>
      {thread.locked ? <Notice tone="warning">{t("forums.threads.thread.lockedNotice")}</Notice> : null}
      <Feedback result={result} />
      {moderates ? (
        <Form method="post" className="thread-moderation">
          <input type="hidden" name="intent" value={thread.locked ? "unlock" : "lock"} />
          <Button variant="secondary">{t(thread.locked ? "forums.threads.thread.unlock" : "forums.threads.thread.lock")}</Button>
        </Form>
      ) : null}
      <Pagination page={page} pages={pages} hrefFor={(p) => `${here}?page=${p}`} labels={paginationLabels(t, page, pages)} />
      <ol className="thread-posts">
        {posts.map((p) => (
          <li key={p.id} id={`post-${p.number}`} className="thread-post">
            <article aria-labelledby={`post-${p.number}-by`}>
              <h2 id={`post-${p.number}-by`} className="thread-post__byline">
                <strong>{t("forums.threads.thread.postBy", { number: p.number, name: p.author?.name ?? t("forums.threads.thread.someone") })}</strong>
                {p.author?.affiliation ? ` · ${p.author.affiliation}` : null}
                {" · "}
                <time dateTime={p.at}>{formatDateTime(p.at, locale)}</time>
                {p.editedAt ? ` · ${t("forums.threads.thread.edited", { time: formatDateTime(p.editedAt, locale) })}` : null}
              </h2>
              {p.hidden ? (
                <p className="thread-post__hidden">{p.html !== null ? t("forums.threads.thread.hiddenForYou", { reason: p.hiddenReason }) : t("forums.threads.thread.hidden")}</p>
              ) : null}
              {p.html !== null ? <PostBody html={p.html} /> : null}
              {p.html !== null && p.files.length ? (
                <ul className="thread-post__files" aria-label={t("forums.threads.thread.attachments")}>
                  {p.files.map((f) => (
                    <li key={f.id}>
                      <a href={`${forum}/attachments/${f.id}`}>{f.fileName}</a> ({fileSize(f.size)})
                    </li>
                  ))}
                </ul>
              ) : null}
              {/* Plain links, not Remix <Link>s: up to five a post, 250 a page, and each <Link> cost
                  more to render than the post around it (the thread page rendered in 11 ms, now 4). */}
              <ul className="thread-post__actions">
                {canReply && !p.hidden ? (
                  <li>
                    <a href={`${here}?page=${page}&quote=${p.id}#reply`}>{t("forums.threads.thread.quote")}</a>
                  </li>
                ) : null}
                {p.canEdit ? (
                  <li>
                    <a href={`${forum}/posts/${p.id}/edit`}>{t("forums.threads.thread.edit")}</a>
                  </li>
                ) : null}
                {p.canFlag ? (
                  <li>
                    <a href={`${forum}/posts/${p.id}/flag`}>{t("forums.threads.thread.flag")}</a>
                  </li>
                ) : null}
                {moderates && p.editedAt ? (
                  <li>
                    <a href={`${forum}/posts/${p.id}/history`}>{t("forums.threads.thread.history")}</a>
                  </li>
                ) : null}
                {moderates && !p.hidden ? (
                  <li>
                    <a href={`${forum}/posts/${p.id}/hide`}>{t("forums.threads.thread.hide")}</a>
                  </li>
                ) : null}
                {moderates && p.hidden ? (
                  <li>
                    <Form method="post">
                      <input type="hidden" name="intent" value="restore" />
                      <input type="hidden" name="postId" value={p.id} />
                      <Button variant="link">{t("forums.threads.thread.restore")}</Button>
                    </Form>
                  </li>
                ) : null}
              </ul>
            </article>
          </li>
        ))}
      </ol>
      <Pagination page={page} pages={pages} hrefFor={(p) => `${here}?page=${p}`} labels={paginationLabels(t, page, pages)} />
      {/* Keyed by the number of posts: after a reply (a redirect to it) the form starts empty again. */}
      {canReply || failure ? (
        <section aria-labelledby="reply">
          <h2 id="reply">{t("forums.threads.thread.reply")}</h2>
          <Form method="post" encType="multipart/form-data" action={`${here}?page=${page}`} noValidate className="narrow" key={quote?.id ?? `reply-${thread.posts}`}>
            <input type="hidden" name="intent" value="reply" />
            {quote || failure?.values.quotedPostId ? <input type="hidden" name="quotedPostId" value={failure?.values.quotedPostId ?? quote?.id} /> : null}
            <PostFields failure={failure} defaultBody={quote?.text} maxMegabytes={maxMegabytes} accept={accept} />
            <Button>{t("forums.threads.thread.replySubmit")}</Button>
          </Form>
        </section>
      ) : null}
      {/* After the posts: on a phone the conversation comes first. */}
      <NotificationLevelForm slug={nav.slug} forumId={nav.forumId} threadId={thread.id} level={level} returnTo={`${here}?page=${page}`} />
    </main>
  );
}
