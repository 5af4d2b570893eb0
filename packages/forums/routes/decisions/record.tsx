import type { MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate, formatDateTime } from "@commons/i18n";
import { notFound, withModuleVisitor, type RequestContext } from "@commons/plugin-sdk/server";
import { Pagination, Table } from "@commons/ui";
import forums from "../../manifest.ts";
import { forumForPerson, forumNav, forumPath, requireId, type RouteArgs } from "../../src/access.server.ts";
import { PERMISSIONS } from "../../src/constants.ts";
import { pageOf } from "../../src/decisions/access.server.ts";
import { ActionPointsTable, choiceLabel, outcomeLabel, StackedLabel, type RuleView, decisionsLinks } from "../../src/decisions/components.tsx";
import { paginationLabels, useDecisionsT, useLocale, type DecisionsT } from "../../src/decisions/i18n.ts";
import { mayTable } from "../../src/decisions/proposals.server.ts";
import { forumRecord } from "../../src/decisions/record.server.ts";
import { ForumNav } from "../../src/spaces/forum-nav.tsx";

export const links = decisionsLinks;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.forum.name ?? ""} · Commons` }];


/**
 * The forum's decision log and minutes. Participants always read it (after accepting the
 * rules); anyone else, signed in or not, only when the forum's record is public: a visitor
 * sees this page and nothing else of the forum. A private forum's record is a 404 to them.
 * Statements besides the guard's: the forum (with the person's standing in it, for a
 * participant) and the record's three (proposals, meetings with action points, names).
 */
export async function loader(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const pages = { decisions: pageOf(args.request, "decisions"), minutes: pageOf(args.request, "minutes") };
  return withModuleVisitor({ request: args.request, context: args.context as RequestContext, params: args.params }, forums, async (ctx) => {
    const { db, person, tenant } = ctx;
    const entry = person && ctx.can(PERMISSIONS.takePart) ? await forumForPerson({ db, person, can: ctx.can }, forumId) : null;
    const forum = entry?.forum ?? (await db.forum.findFirst({ where: { id: forumId, publicRecord: true }, select: { id: true, name: true, purpose: true, publicRecord: true } }));
    if (!forum) throw notFound();
    if (entry?.mustAcceptRules && !forum.publicRecord) {
      const back = new URL(args.request.url);
      throw redirect(`${forumPath(tenant.slug, forumId, "rules")}?next=${encodeURIComponent(back.pathname + back.search)}`);
    }
    const record = await forumRecord(db, forumId, pages, { withOpen: !!entry });
    return {
      slug: tenant.slug,
      forum: { id: forum.id, name: forum.name, purpose: forum.purpose },
      nav: entry ? forumNav(ctx, entry) : null,
      canTable: entry ? mayTable(entry) && !entry.forum.archivedAt : false,
      pages,
      ...record,
      member: ctx.nav,
    };
  });
}

function ruleShort(t: DecisionsT, rule: RuleView): string {
  const parts = [
    t(rule.voteUnit === "ORGANISATION" ? "forums.decisions.record.rule.organisation" : "forums.decisions.record.rule.person"),
    t("forums.decisions.record.rule.quorum", { percent: rule.quorumPercent }),
    t("forums.decisions.record.rule.threshold", { percent: rule.thresholdPercent }),
  ];
  if (rule.options === "CONSENT") parts.push(t(rule.blocksStop ? "forums.decisions.record.rule.blocksStop" : "forums.decisions.record.rule.blocksCount"));
  return parts.join(" · ");
}

export default function Record() {
  const t = useDecisionsT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const { nav, forum, slug } = data;
  const base = `/c/${slug}/forums/${forum.id}`;
  const here = (decisions: number, minutes: number) => `${base}/record?decisions=${decisions}&minutes=${minutes}`;
  return (
    <main id="main">
      {nav ? (
        <ForumNav nav={nav} current="record" />
      ) : (
        <header className="forum-header">
          <h1>{forum.name}</h1>
          <p className="forum-header__status">{t("forums.decisions.record.publicNote")}</p>
        </header>
      )}
      {forum.purpose ? <p className="lede">{forum.purpose}</p> : null}

      {nav ? (
        <section aria-labelledby="open-heading">
          <h2 id="open-heading">{t("forums.decisions.record.openHeading")}</h2>
          {data.canTable ? (
            <p>
              <Link to={`${base}/proposals/new`} className="button button--secondary">
                {t("forums.decisions.record.table")}
              </Link>
            </p>
          ) : null}
          <Table
            caption={t("forums.decisions.record.openHeading")}
            rows={data.open}
            rowKey={(p) => p.id}
            empty={t("forums.decisions.record.noneOpen")}
            columns={[
              { header: t("forums.decisions.record.proposal"), cell: (p) => <Link to={`${base}/proposals/${p.id}`}>{p.title}</Link> },
              { header: t("forums.decisions.record.closes"), cell: (p) => formatDateTime(p.closesAt, locale) },
            ]}
          />
        </section>
      ) : null}

      <section aria-labelledby="decisions-heading">
        <h2 id="decisions-heading">{t("forums.decisions.record.decisionsHeading")}</h2>
        {/* The outcome second: on a phone (rows stacked) it comes right under the title. */}
        <div className="stacked">
          <Table
            caption={t("forums.decisions.record.decisionsHeading")}
            rows={data.decisions}
            rowKey={(d) => d.id}
            empty={t("forums.decisions.record.noneDecided")}
            columns={[
              { header: t("forums.decisions.record.proposal"), cell: (d) => (nav ? <Link to={`${base}/proposals/${d.id}`}>{d.title}</Link> : d.title) },
              {
                header: t("forums.decisions.record.outcome"),
                cell: (d) => (
                  <>
                    <StackedLabel>{t("forums.decisions.record.outcome")}</StackedLabel>
                    <strong>{outcomeLabel(t, d.outcome, d.outcomeChoice)}</strong>
                  </>
                ),
              },
              {
                header: t("forums.decisions.record.votes"),
                cell: (d) => (
                  <>
                    <StackedLabel>{t("forums.decisions.record.votes")}</StackedLabel>
                    {`${d.votes.map((v) => `${choiceLabel(t, d.rule.options, v.value)} ${v.votes}`).join(", ")} — ${t("forums.decisions.record.turnout", { cast: d.cast, eligible: d.eligible })}`}
                  </>
                ),
              },
              {
                header: t("forums.decisions.record.rule"),
                cell: (d) => (
                  <>
                    <StackedLabel>{t("forums.decisions.record.rule")}</StackedLabel>
                    {ruleShort(t, d.rule)}
                  </>
                ),
              },
              {
                header: t("forums.decisions.record.decidedOn"),
                cell: (d) =>
                  d.decidedAt ? (
                    <>
                      <StackedLabel>{t("forums.decisions.record.decidedOn")}</StackedLabel>
                      <span className="nowrap">{formatDate(d.decidedAt, locale)}</span>
                    </>
                  ) : (
                    ""
                  ),
              },
            ]}
          />
        </div>
        <Pagination page={data.pages.decisions} hasNext={data.decisionsNext} hrefFor={(p) => here(p, data.pages.minutes)} labels={paginationLabels(t, data.pages.decisions, t("forums.decisions.pagination.pagesOf", { list: t("forums.decisions.record.decisionsHeading") }))} />
      </section>

      <section aria-labelledby="minutes-heading">
        <h2 id="minutes-heading">{t("forums.decisions.record.minutesHeading")}</h2>
        {data.minutes.length === 0 ? <p>{t("forums.decisions.record.noneMinutes")}</p> : null}
        {data.minutes.map((m) => (
          <article key={m.id} aria-labelledby={`meeting-${m.id}`} className="record-meeting">
            <h3 id={`meeting-${m.id}`}>{nav ? <Link to={`${base}/meetings/${m.id}`}>{m.title}</Link> : m.title}</h3>
            <p>{formatDateTime(m.startsAt, locale, m.timezone)}</p>
            <p>{t("forums.decisions.record.attended", { names: m.attendees.join(", ") || "—" })}</p>
            {/* Rendered by @commons/markdown, which sanitises. */}
            <div className="markdown" dangerouslySetInnerHTML={{ __html: m.html }} />
            <ActionPointsTable points={m.actionPoints} caption={t("forums.decisions.record.actionPointsOf", { title: m.title })} />
          </article>
        ))}
        <Pagination page={data.pages.minutes} hasNext={data.minutesNext} hrefFor={(p) => here(data.pages.decisions, p)} labels={paginationLabels(t, data.pages.minutes, t("forums.decisions.pagination.pagesOf", { list: t("forums.decisions.record.minutesHeading") }))} />
      </section>
    </main>
  );
}
