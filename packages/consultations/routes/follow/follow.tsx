import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { formatDateTime, formatWithZone, safeZone } from "@commons/i18n";
import { Button, Notice, Pagination, SelectField, Table } from "@commons/ui";
import { PAGE_SIZE, PERMISSIONS } from "../../src/constants.ts";
import { consultationTabs, findConsultation, guard, pageParam, requireId, type RouteArgs } from "../../src/follow/access.server.ts";
import { ConsultationTabs } from "../../src/drafting/components.tsx";
import { followLinks } from "../../src/follow/styles.ts";
import { BarChart } from "../../src/follow/chart.tsx";
import { followT, paginationLabels, useFollowT, useLocale, type FollowKey } from "../../src/follow/i18n.ts";
import { parseProgressFilters, progressPage, progressSummary, type ProgressFilters, type ProgressRow, type ProgressState } from "../../src/follow/progress.server.ts";

export const links = followLinks;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${followT()("consultations.follow.title", { title: data?.consultation.title ?? "" })} · Commons` }];

const NOTICES = ["reminded", "nobody", "notOpen", "closed", "opened", "recent"] as const;

/** The secretariat's live view of who has answered: counts, a table by respondent, reminders and closing. */
export async function loader(args: RouteArgs) {
  const consultationId = requireId(args.params.consultationId);
  const url = new URL(args.request.url);
  const filters = parseProgressFilters(url);
  const page = pageParam(url);
  // The open page comes here with ?opened=<recipients>; the remind and close actions with ?notice=….
  const opened = url.searchParams.get("opened");
  const notice = opened !== null ? "opened" : (NOTICES.find((n) => n === url.searchParams.get("notice")) ?? null);
  const count = Number(opened ?? url.searchParams.get("count") ?? 0) || 0;
  return guard(args, PERMISSIONS.manage, async ({ db, tenant, nav, person, settings }) => {
    const consultation = await findConsultation(db, consultationId);
    const summary = await progressSummary(db, tenant.id, consultationId, filters);
    const rows = summary.matching ? await progressPage(db, tenant.id, consultationId, filters, page) : [];
    return {
      slug: tenant.slug,
      consultation: {
        id: consultation.id,
        title: consultation.title,
        status: consultation.status,
        // Written as on every consultations page and email: the coalition's zone, named.
        deadline: consultation.deadline ? formatWithZone(consultation.deadline, person.locale, safeZone(settings.timezone)) : null,
      },
      summary,
      rows,
      filters,
      page,
      pages: Math.max(1, Math.ceil(summary.matching / PAGE_SIZE)),
      notice: notice ? { kind: notice, count } : null,
      tabs: consultationTabs(person.locale, consultation),
      member: nav,
    };
  });
}

const STATE_LABEL = {
  SUBMITTED: "consultations.follow.submitted",
  DRAFT: "consultations.follow.drafted",
  NOT_STARTED: "consultations.follow.notStarted",
} as const satisfies Record<ProgressState, FollowKey>;

const NOTICE_LABEL = {
  reminded: "consultations.follow.reminded",
  nobody: "consultations.follow.nobodyToRemind",
  notOpen: "consultations.follow.remindNotOpen",
  closed: "consultations.follow.close.done",
  opened: "consultations.follow.opened",
  recent: "consultations.follow.remindRecent",
} as const satisfies Record<(typeof NOTICES)[number], FollowKey>;

function query(filters: ProgressFilters, page?: number) {
  const params = new URLSearchParams();
  if (filters.region) params.set("region", filters.region);
  if (filters.sector) params.set("sector", filters.sector);
  if (filters.state) params.set("state", filters.state);
  if (page && page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export default function FollowPage() {
  const t = useFollowT();
  const locale = useLocale();
  const location = useLocation();
  const { slug, consultation, summary, rows, filters, page, pages, notice, tabs } = useLoaderData<typeof loader>();
  const base = `/c/${slug}/consultations/${consultation.id}`;
  const share = (n: number) => (summary.recipients ? n / summary.recipients : 0);
  const percent = (n: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share(n));
  const states = [
    { state: "SUBMITTED" as const, n: summary.submitted },
    { state: "DRAFT" as const, n: summary.drafted },
    { state: "NOT_STARTED" as const, n: summary.notStarted },
  ];
  const filtered = Boolean(filters.region || filters.sector || filters.state);
  const open = consultation.status === "OPEN";
  const toRemind = summary.remindable;
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale) : "—");
  return (
    <main id="main">
      <p>
        <Link to={`/c/${slug}/consultations`}>{t("consultations.follow.allConsultations")}</Link>
      </p>
      <h1>{t("consultations.follow.title", { title: consultation.title })}</h1>
      <ConsultationTabs labels={tabs.labels} base={`/c/${slug}/consultations`} id={consultation.id} current="follow" status={consultation.status} picked={tabs.picked} />
      <p>
        <strong>{t(`consultations.follow.status.${consultation.status}` as FollowKey)}</strong>
        {" · "}
        {consultation.deadline ? t("consultations.follow.deadline", { deadline: consultation.deadline }) : t("consultations.follow.noDeadline")}
      </p>
      {notice ? <Notice tone={notice.kind === "reminded" || notice.kind === "closed" || notice.kind === "opened" ? "success" : "warning"}>{t(NOTICE_LABEL[notice.kind], { count: notice.count })}</Notice> : null}

      <h2 id="rate">{t("consultations.follow.rate")}</h2>
      {summary.recipients === 0 ? (
        <p>{t("consultations.follow.notOpened")}</p>
      ) : (
        <>
          <p>{t("consultations.follow.recipients", { count: summary.recipients })}</p>
          <BarChart
            id="rate-chart"
            summary={states.map((s) => `${t(STATE_LABEL[s.state])} ${s.n} (${percent(s.n)})`).join("; ")}
            bars={states.map((s) => ({ label: t(STATE_LABEL[s.state]), share: share(s.n), figure: `${s.n} (${percent(s.n)})` }))}
          />
          <Table
            caption={t("consultations.follow.rateCaption")}
            rows={states}
            rowKey={(s) => s.state}
            empty=""
            columns={[
              { header: t("consultations.follow.state"), cell: (s) => t(STATE_LABEL[s.state]) },
              { header: t("consultations.follow.count"), cell: (s) => s.n },
              { header: t("consultations.follow.share"), cell: (s) => percent(s.n) },
            ]}
          />
        </>
      )}

      {open ? (
        <>
          <h2>{t("consultations.follow.remindTitle")}</h2>
          <p>{toRemind > 0 ? t("consultations.follow.remindHint", { count: toRemind }) : t("consultations.follow.nobodyToRemind")}</p>
          {toRemind > 0 ? (
            <Form method="post" action={`${base}/remind`}>
              <input type="hidden" name="intent" value="remind" />
              <Button variant="secondary">{t("consultations.follow.remind")}</Button>
            </Form>
          ) : null}
          <h2>{t("consultations.follow.closeTitle")}</h2>
          <p>{t("consultations.follow.closeHint")}</p>
          <p>
            <Link to={`${base}/close`}>{t("consultations.follow.closeLink")}</Link>
          </p>
        </>
      ) : null}

      <h2 id="respondents">{t("consultations.follow.byRespondent")}</h2>
      <Form method="get" role="search" key={location.search}>
        <div className="follow-filters">
          <SelectField
            name="region"
            label={t("consultations.follow.filter.region")}
            defaultValue={filters.region}
            options={[{ value: "", label: t("consultations.follow.filter.any") }, ...summary.regions.map((r) => ({ value: r, label: r }))]}
          />
          <SelectField
            name="sector"
            label={t("consultations.follow.filter.sector")}
            defaultValue={filters.sector}
            options={[{ value: "", label: t("consultations.follow.filter.any") }, ...summary.sectors.map((s) => ({ value: s, label: s }))]}
          />
          <SelectField
            name="state"
            label={t("consultations.follow.column.status")}
            defaultValue={filters.state}
            options={[{ value: "", label: t("consultations.follow.filter.any") }, ...states.map((s) => ({ value: s.state, label: t(STATE_LABEL[s.state]) }))]}
          />
        </div>
        <p>
          <Button variant="secondary">{t("consultations.follow.filter.apply")}</Button> {filtered ? <Link to={`${base}/follow`}>{t("consultations.follow.filter.clear")}</Link> : null}
        </p>
      </Form>
      {filtered ? <p aria-live="polite">{t("consultations.follow.filtered", { count: summary.matching })}</p> : null}
      <Table<ProgressRow>
        caption={t("consultations.follow.byRespondent")}
        rows={rows}
        rowKey={(r) => r.respondentKey}
        empty={t("consultations.follow.empty")}
        columns={[
          { header: t("consultations.follow.column.respondent"), cell: (r) => (r.name ? (r.organisation ? `${r.name} (${r.organisation})` : r.name) : t("consultations.follow.unknownRespondent")) },
          { header: t("consultations.follow.column.region"), cell: (r) => r.region ?? "" },
          { header: t("consultations.follow.column.status"), cell: (r) => t(STATE_LABEL[r.state]) },
          { header: t("consultations.follow.column.lastSaved"), cell: (r) => (r.state === "NOT_STARTED" ? "—" : when(r.updatedAt)) },
          { header: t("consultations.follow.column.submittedAt"), cell: (r) => when(r.submittedAt) },
        ]}
      />
      <Pagination page={page} pages={pages} hrefFor={(p) => `${base}/follow${query(filters, p)}`} labels={paginationLabels(t, page, pages)} />

      <h2>{t("consultations.follow.links")}</h2>
      <ul>
        <li>
          <Link to={`${base}/results`}>{t("consultations.follow.resultsLink")}</Link>
        </li>
        <li>
          <Link to={base}>{t("consultations.follow.asMembersSee")}</Link>
        </li>
        <li>
          <Link to={`${base}/statement`}>{t("consultations.follow.statementLink")}</Link>
        </li>
        <li>
          <a href={`${base}/export.csv`}>{t("consultations.follow.exportCsv")}</a>
        </li>
        <li>
          <a href={`${base}/export.xlsx`}>{t("consultations.follow.exportXlsx")}</a>
        </li>
      </ul>
    </main>
  );
}
