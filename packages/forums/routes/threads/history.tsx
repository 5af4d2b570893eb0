import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "@commons/i18n";
import { ForumNav } from "../../src/spaces/forum-nav.tsx";
import { forumNav, guard, moderatedPost, requireId, type RouteArgs } from "../../src/threads/access.server.ts";
import { postHref, threadLinks } from "../../src/threads/components.tsx";
import { threadsT, useLocale, useThreadsT } from "../../src/threads/i18n.ts";
import { namesOf } from "../../src/threads/posts.server.ts";

export const links = threadLinks;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? threadsT()("forums.threads.history.title", { number: data.post.number, thread: data.thread.title }) : ""} · Commons` }];

/** Moderators only: a post's earlier texts, newest first, as written (Markdown source, shown as text). */
export async function loader(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const postId = requireId(args.params.postId);
  return guard(args, async (ctx) => {
    const { entry, post, thread } = await moderatedPost(ctx, forumId, postId, { request: args.request });
    const revisions = await ctx.db.forumPostRevision.findMany({
      where: { postId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 200,
      select: { id: true, body: true, editedById: true, createdAt: true },
    });
    const names = await namesOf(ctx.db, revisions.map((r) => r.editedById));
    return {
      nav: forumNav(ctx, entry),
      post: { id: post.id, number: post.number, body: post.body },
      thread: { id: thread.id, title: thread.title },
      revisions: revisions.map((r) => ({ id: r.id, body: r.body, by: names.get(r.editedById) ?? null, at: r.createdAt.toISOString() })),
      member: ctx.nav,
    };
  });
}

export default function PostHistory() {
  const t = useThreadsT();
  const locale = useLocale();
  const { nav, post, thread, revisions } = useLoaderData<typeof loader>();
  return (
    <main id="main">
      <ForumNav nav={nav} current="discussions" inside title={t("forums.threads.history.title", { number: post.number, thread: thread.title })} />
      <h2>{t("forums.threads.history.current")}</h2>
      <pre className="thread-source">{post.body}</pre>
      {revisions.length === 0 ? <p>{t("forums.threads.history.none")}</p> : null}
      {revisions.map((r) => (
        <section key={r.id} aria-labelledby={`revision-${r.id}`}>
          <h2 id={`revision-${r.id}`}>{t("forums.threads.history.revision", { time: formatDateTime(r.at, locale), name: r.by ?? t("forums.threads.thread.someone") })}</h2>
          <pre className="thread-source">{r.body}</pre>
        </section>
      ))}
      <p>
        <Link to={postHref(nav, thread.id, post.number)}>{t("forums.threads.edit.back")}</Link>
      </p>
    </main>
  );
}
