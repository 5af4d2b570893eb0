import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "@commons/i18n";
import { Pagination, Table } from "@commons/ui";
import { NotificationLevelForm } from "../../src/notifications/level-form.tsx";
import { notificationLevel } from "../../src/notifications/levels.server.ts";
import { ForumNav } from "../../src/spaces/forum-nav.tsx";
import { enterForum, forumNav, guard, pageParam, requireId, type RouteArgs } from "../../src/threads/access.server.ts";
import { threadLinks } from "../../src/threads/components.tsx";
import { paginationLabels, threadsT, useLocale, useThreadsT } from "../../src/threads/i18n.ts";
import { THREADS_PER_PAGE, threadsPage } from "../../src/threads/posts.server.ts";

export const links = threadLinks;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.nav.name ?? threadsT()("forums.nav.forums")} · Commons` }];

/**
 * The forum's home: its threads, the most recently active first. One page is one range of
 * the (tenant, forum, last post) index; "next" is known by reading one row more than shown,
 * so no count runs over a forum's whole history. Statements besides the guard's and the
 * forum's: the threads with their authors' names, the person's notification level (and, for
 * moderators, the open flags count).
 */
export async function loader(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const page = pageParam(args.request);
  return guard(args, async (ctx) => {
    const { db, nav } = ctx;
    const entry = await enterForum(ctx, forumId, { request: args.request });
    const [rows, openFlags, level] = await Promise.all([
      threadsPage(db, { tenantId: ctx.tenant.id, forumId, skip: (page - 1) * THREADS_PER_PAGE, take: THREADS_PER_PAGE + 1 }),
      entry.canModerate ? db.forumFlag.count({ where: { forumId, resolvedAt: null } }) : Promise.resolve(0),
      notificationLevel(db, ctx.person.id, forumId),
    ]);
    const shown = rows.slice(0, THREADS_PER_PAGE);
    return {
      nav: forumNav(ctx, entry),
      canPost: !entry.forum.archivedAt,
      openFlags,
      level,
      threads: shown.map((r) => ({
        id: r.id,
        title: r.title,
        author: r.authorName,
        replies: Math.max(0, r.postCount - 1),
        lastPostAt: r.lastPostAt.toISOString(),
        locked: !!r.lockedAt,
      })),
      page,
      hasNext: rows.length > THREADS_PER_PAGE,
      member: nav,
    };
  });
}

export default function ForumHome() {
  const t = useThreadsT();
  const locale = useLocale();
  const { nav, canPost, openFlags, level, threads, page, hasNext } = useLoaderData<typeof loader>();
  const base = `/c/${nav.slug}/forums/${nav.forumId}`;
  return (
    <main id="main">
      <ForumNav nav={nav} current="discussions" />
      <h2>{t("forums.threads.home.threads")}</h2>
      <p className="thread-moderation">
        {canPost ? (
          <Link to={`${base}/threads/new`} className="button button--primary">
            {t("forums.threads.home.newThread")}
          </Link>
        ) : null}
        {nav.canModerate && openFlags > 0 ? <Link to={`${base}/flags`}>{t("forums.threads.home.flags", { count: openFlags })}</Link> : null}
      </p>
      <Table
        caption={t("forums.threads.home.threads")}
        rows={threads}
        rowKey={(r) => r.id}
        empty={t("forums.threads.home.empty")}
        columns={[
          {
            header: t("forums.threads.home.title"),
            cell: (r) => (
              <>
                <Link to={`${base}/threads/${r.id}`}>{r.title}</Link>
                {r.locked ? ` (${t("forums.threads.home.locked")})` : null}
              </>
            ),
          },
          { header: t("forums.threads.home.startedBy"), cell: (r) => r.author ?? t("forums.threads.thread.someone") },
          { header: t("forums.threads.home.replies"), cell: (r) => r.replies },
          { header: t("forums.threads.home.lastActivity"), cell: (r) => formatDateTime(r.lastPostAt, locale) },
        ]}
      />
      <NotificationLevelForm slug={nav.slug} forumId={nav.forumId} level={level} returnTo={base} />
      <Pagination page={page} hasNext={hasNext} hrefFor={(p) => `${base}?page=${p}`} labels={paginationLabels(t, page)} />
    </main>
  );
}
