import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { done, formError } from "@commons/plugin-sdk/forms/server";
import { readForm } from "@commons/plugin-sdk/forms";
import { notFound } from "@commons/plugin-sdk/server";
import { formatDateTime } from "@commons/i18n";
import { Button, Pagination, Table } from "@commons/ui";
import { recordActivity } from "../../src/access.server.ts";
import { ForumNav } from "../../src/spaces/forum-nav.tsx";
import { enterForum, forumNav, guard, pageParam, requireId, type RouteArgs } from "../../src/threads/access.server.ts";
import { Feedback, postHref, threadLinks, type ActionResult } from "../../src/threads/components.tsx";
import { paginationLabels, threadsT, useLocale, useThreadsT } from "../../src/threads/i18n.ts";
import { THREADS_PER_PAGE } from "../../src/threads/limits.ts";
import { namesOf } from "../../src/threads/posts.server.ts";

export const links = threadLinks;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${threadsT()("forums.threads.flags.title", { forum: data?.nav.name ?? "" })} · Commons` }];

/** Moderators: the forum's open flags, oldest first (the (tenant, forum, resolved) index). */
export async function loader(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const page = pageParam(args.request);
  return guard(args, async (ctx) => {
    const { db } = ctx;
    const entry = await enterForum(ctx, forumId, { request: args.request });
    if (!entry.canModerate) throw notFound();
    const rows = await db.forumFlag.findMany({
      where: { forumId, resolvedAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * THREADS_PER_PAGE,
      take: THREADS_PER_PAGE + 1,
      select: { id: true, postId: true, userId: true, reason: true, createdAt: true },
    });
    const flags = rows.slice(0, THREADS_PER_PAGE);
    const posts = flags.length
      ? await db.forumPost.findMany({ where: { id: { in: [...new Set(flags.map((f) => f.postId))] } }, select: { id: true, number: true, threadId: true } })
      : [];
    const [threads, names] = await Promise.all([
      posts.length ? db.forumThread.findMany({ where: { id: { in: [...new Set(posts.map((p) => p.threadId))] } }, select: { id: true, title: true } }) : Promise.resolve([]),
      namesOf(db, flags.map((f) => f.userId)),
    ]);
    const postById = new Map(posts.map((p) => [p.id, p]));
    const titleById = new Map(threads.map((th) => [th.id, th.title]));
    return {
      nav: forumNav(ctx, entry),
      flags: flags.flatMap((f) => {
        const post = postById.get(f.postId);
        if (!post) return [];
        return [{ id: f.id, postId: post.id, number: post.number, threadId: post.threadId, thread: titleById.get(post.threadId) ?? "", by: names.get(f.userId) ?? null, reason: f.reason, at: f.createdAt.toISOString() }];
      }),
      page,
      hasNext: rows.length > THREADS_PER_PAGE,
      member: ctx.nav,
    };
  });
}

export async function action(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const form = await readForm(args.request);
  return guard(args, async (ctx) => {
    const t = threadsT(ctx.person.locale);
    const entry = await enterForum(ctx, forumId);
    if (!entry.canModerate) throw notFound();
    if (form.get("intent") !== "dismiss") return formError(form, t("forums.threads.error.unknownAction"));
    const flag = await ctx.db.forumFlag.findFirst({ where: { id: requireId(form.get("flagId")), forumId }, select: { id: true, postId: true, resolvedAt: true } });
    if (!flag) throw notFound();
    const changed = await ctx.db.forumFlag.updateMany({ where: { id: flag.id, resolvedAt: null }, data: { resolvedAt: new Date(), resolvedById: ctx.person.id } });
    if (changed.count) {
      const post = await ctx.db.forumPost.findFirst({ where: { id: flag.postId }, select: { number: true, threadId: true } });
      const thread = post ? await ctx.db.forumThread.findFirst({ where: { id: post.threadId }, select: { title: true } }) : null;
      await recordActivity(ctx, "forums.flag_dismissed", { type: "flag", id: flag.id }, { number: post?.number ?? 0, thread: thread?.title ?? "", postId: flag.postId, forumId });
    }
    return done(form, t("forums.threads.flags.dismissed"));
  });
}

export default function Flags() {
  const t = useThreadsT();
  const locale = useLocale();
  const { nav, flags, page, hasNext } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const base = `/c/${nav.slug}/forums/${nav.forumId}`;
  return (
    <main id="main">
      <ForumNav nav={nav} current="discussions" inside title={t("forums.threads.flags.title", { forum: nav.name })} />
      <Feedback result={result} />
      <Table
        caption={t("forums.threads.flags.title", { forum: nav.name })}
        rows={flags}
        rowKey={(f) => f.id}
        empty={t("forums.threads.flags.empty")}
        columns={[
          { header: t("forums.threads.flags.post"), cell: (f) => <Link to={postHref(nav, f.threadId, f.number)}>{t("forums.threads.flags.open", { number: f.number, thread: f.thread })}</Link> },
          { header: t("forums.threads.flags.by"), cell: (f) => f.by ?? t("forums.threads.thread.someone") },
          { header: t("forums.threads.flags.reason"), cell: (f) => <span className="thread-source">{f.reason}</span> },
          { header: t("forums.threads.flags.when"), cell: (f) => formatDateTime(f.at, locale) },
          {
            header: t("forums.threads.flags.actions"),
            cell: (f) => (
              <>
                <Link to={`${base}/posts/${f.postId}/hide`}>{t("forums.threads.thread.hide")}</Link>{" "}
                <Form method="post">
                  <input type="hidden" name="intent" value="dismiss" />
                  <input type="hidden" name="flagId" value={f.id} />
                  <Button variant="link">{t("forums.threads.flags.dismiss")}</Button>
                </Form>
              </>
            ),
          },
        ]}
      />
      <Pagination page={page} hasNext={hasNext} hrefFor={(p) => `${base}/flags?page=${p}`} labels={paginationLabels(t, page)} />
    </main>
  );
}
