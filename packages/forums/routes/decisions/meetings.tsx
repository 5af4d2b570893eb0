import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "@commons/i18n";
import { Pagination, Table } from "@commons/ui";
import { enterForum, forumNav, guard, requireId, type RouteArgs } from "../../src/access.server.ts";
import { PAGE_SIZE, PERMISSIONS } from "../../src/constants.ts";
import { pageOf } from "../../src/decisions/access.server.ts";
import { decisionsT, paginationLabels, useDecisionsT, useLocale } from "../../src/decisions/i18n.ts";
import { decisionsLinks } from "../../src/decisions/components.tsx";
import { ForumNav } from "../../src/spaces/forum-nav.tsx";

export const links = decisionsLinks;

export const meta: MetaFunction = () => [{ title: `${decisionsT()("forums.decisions.meetings.title")} · Commons` }];


const COLUMNS = { id: true, title: true, startsAt: true, timezone: true, place: true, link: true, cancelledAt: true, minutesPublishedAt: true } as const;

/**
 * Upcoming meetings soonest first, past ones latest first, each list paged on its own. A
 * page is two statements (besides entering the forum): one more row than shown tells
 * whether a next page exists, so nothing is counted.
 */
export async function loader(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const upcomingPage = pageOf(args.request, "upcoming");
  const pastPage = pageOf(args.request, "past");
  return guard(args, PERMISSIONS.takePart, async (ctx) => {
    const entry = await enterForum(ctx, forumId, { request: args.request });
    const now = new Date();
    const [upcoming, past] = await Promise.all([
      ctx.db.forumMeeting.findMany({ where: { forumId, endsAt: { gte: now } }, orderBy: [{ startsAt: "asc" }, { id: "asc" }], skip: (upcomingPage - 1) * PAGE_SIZE, take: PAGE_SIZE + 1, select: COLUMNS }),
      ctx.db.forumMeeting.findMany({ where: { forumId, endsAt: { lt: now } }, orderBy: [{ startsAt: "desc" }, { id: "desc" }], skip: (pastPage - 1) * PAGE_SIZE, take: PAGE_SIZE + 1, select: COLUMNS }),
    ]);
    const shape = (m: (typeof upcoming)[number]) => ({ id: m.id, title: m.title, startsAt: m.startsAt.toISOString(), timezone: m.timezone, where: m.place || m.link, cancelled: !!m.cancelledAt, minutes: !!m.minutesPublishedAt });
    return {
      nav: forumNav(ctx, entry),
      canSchedule: entry.canModerate,
      upcoming: upcoming.slice(0, PAGE_SIZE).map(shape),
      upcomingPage,
      upcomingNext: upcoming.length > PAGE_SIZE,
      past: past.slice(0, PAGE_SIZE).map(shape),
      pastPage,
      pastNext: past.length > PAGE_SIZE,
      member: ctx.nav,
    };
  });
}

export default function Meetings() {
  const t = useDecisionsT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const { nav } = data;
  const base = `/c/${nav.slug}/forums/${nav.forumId}/meetings`;
  const columns = (past: boolean) => [
    { header: t("forums.decisions.meetings.meeting"), cell: (m: (typeof data.upcoming)[number]) => <Link to={`${base}/${m.id}`}>{m.title}</Link> },
    { header: t("forums.decisions.meetings.when"), cell: (m: (typeof data.upcoming)[number]) => formatDateTime(m.startsAt, locale, m.timezone) },
    { header: t("forums.decisions.meetings.where"), cell: (m: (typeof data.upcoming)[number]) => m.where },
    {
      header: t("forums.decisions.meetings.status"),
      cell: (m: (typeof data.upcoming)[number]) => (m.cancelled ? t("forums.decisions.meeting.cancelled") : past ? t(m.minutes ? "forums.decisions.meetings.minutesPublished" : "forums.decisions.meetings.noMinutes") : ""),
    },
  ];
  return (
    <main id="main">
      <ForumNav nav={nav} current="meetings" />
      {data.canSchedule ? (
        <p>
          <Link to={`${base}/new`} className="button button--secondary">
            {t("forums.decisions.meetings.new")}
          </Link>
        </p>
      ) : null}
      <h2>{t("forums.decisions.meetings.upcoming")}</h2>
      <Table caption={t("forums.decisions.meetings.upcoming")} rows={data.upcoming} rowKey={(m) => m.id} empty={t("forums.decisions.meetings.noneUpcoming")} columns={columns(false)} />
      <Pagination page={data.upcomingPage} hasNext={data.upcomingNext} hrefFor={(p) => `${base}?upcoming=${p}&past=${data.pastPage}`} labels={paginationLabels(t, data.upcomingPage, t("forums.decisions.pagination.pagesOf", { list: t("forums.decisions.meetings.upcoming") }))} />
      <h2>{t("forums.decisions.meetings.past")}</h2>
      <Table caption={t("forums.decisions.meetings.past")} rows={data.past} rowKey={(m) => m.id} empty={t("forums.decisions.meetings.nonePast")} columns={columns(true)} />
      <Pagination page={data.pastPage} hasNext={data.pastNext} hrefFor={(p) => `${base}?upcoming=${data.upcomingPage}&past=${p}`} labels={paginationLabels(t, data.pastPage, t("forums.decisions.pagination.pagesOf", { list: t("forums.decisions.meetings.past") }))} />
    </main>
  );
}
