import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button, Pagination, SelectField, Table } from "@commons/ui";
import { notFound } from "@commons/plugin-sdk/server";
import { consultationGuard } from "../../src/access.server.ts";
import { recipientRowsOf } from "../../src/audience.server.ts";
import { PAGE_SIZE, PERMISSIONS, respondentKey } from "../../src/constants.ts";
import type { RouteArgs } from "../../src/drafting/access.server.ts";
import { paginationLabels, StatusTag } from "../../src/drafting/components.tsx";
import { draftingT, useDraftingT } from "../../src/drafting/i18n.ts";
import { formatInZone, safeZone, zoneName } from "@commons/i18n";
import { draftingLinks } from "../../src/drafting/styles.ts";

export const links = draftingLinks;
export const meta: MetaFunction = () => [{ title: `${draftingT()("consultations.drafting.index.title")} · Commons` }];

const STATUSES = ["DRAFT", "SCHEDULED", "OPEN", "CLOSED"] as const;
type Status = (typeof STATUSES)[number];

const pageOf = (url: URL) => Math.min(10_000, Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1));

/**
 * The secretariat sees every consultation, newest first (two statements: the page and the
 * count). Anyone else sees those they are asked in: the open ones, soonest deadline first,
 * then a page of the closed ones (two statements).
 */
export async function loader(args: RouteArgs) {
  return consultationGuard(args, async (ctx) => {
    // The guard lets stakeholders in for the pages their emailed links reach; the list is for those who take part or manage.
    if (!ctx.can(PERMISSIONS.manage) && !ctx.can(PERMISSIONS.takePart)) throw notFound();
    const url = new URL(args.request.url);
    const page = pageOf(url);
    const zone = safeZone(ctx.settings.timezone);
    const when = (d: Date | null) => (d ? formatInZone(d, ctx.person.locale, zone) : null);
    const common = { slug: ctx.tenant.slug, page, zone: zoneName(zone), member: ctx.nav };
    if (ctx.can(PERMISSIONS.manage)) {
      const wanted = url.searchParams.get("status");
      const status = STATUSES.includes(wanted as Status) ? (wanted as Status) : null;
      const where = status ? { status } : {};
      const [rows, total] = await Promise.all([
        ctx.db.consultation.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: { id: true, title: true, status: true, deadline: true, createdAt: true } }),
        ctx.db.consultation.count({ where }),
      ]);
      return {
        ...common,
        view: "secretariat" as const,
        status,
        pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
        consultations: rows.map((c) => ({ id: c.id, title: c.title, status: c.status, deadline: when(c.deadline), created: when(c.createdAt)! })),
        open: [],
        closed: [],
        hasNextClosed: false,
      };
    }
    const mine = { recipients: { some: recipientRowsOf(ctx.person) } };
    const [open, closed] = await Promise.all([
      ctx.db.consultation.findMany({ where: { status: "OPEN", ...mine }, orderBy: [{ deadline: "asc" }, { id: "asc" }], take: 100, select: { id: true, title: true, purpose: true, deadline: true } }),
      ctx.db.consultation.findMany({ where: { status: "CLOSED", ...mine }, orderBy: [{ closedAt: "desc" }, { id: "desc" }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE + 1, select: { id: true, title: true, closedAt: true } }),
    ]);
    // Where each open one stands for them: one more statement, whatever the number.
    const keys = [respondentKey.person(ctx.person.id), ...(ctx.person.organisationId && ctx.person.role !== "STAKEHOLDER" ? [respondentKey.organisation(ctx.person.organisationId)] : [])];
    const responses = open.length
      ? await ctx.db.consultationsResponse.findMany({ where: { consultationId: { in: open.map((c) => c.id) }, respondentKey: { in: keys } }, select: { consultationId: true, status: true } })
      : [];
    const standing = new Map(responses.map((r) => [r.consultationId, r.status]));
    return {
      ...common,
      view: "member" as const,
      status: null,
      pages: 1,
      consultations: [],
      open: open.map((c) => ({ id: c.id, title: c.title, purpose: c.purpose, deadline: when(c.deadline), response: standing.get(c.id) ?? null })),
      closed: closed.slice(0, PAGE_SIZE).map((c) => ({ id: c.id, title: c.title, closed: when(c.closedAt) })),
      hasNextClosed: closed.length > PAGE_SIZE,
    };
  });
}

export default function ConsultationsIndex() {
  const t = useDraftingT();
  const data = useLoaderData<typeof loader>();
  const base = `/c/${data.slug}/consultations`;
  if (data.view === "secretariat") {
    const hrefFor = (page: number) => `${base}?${new URLSearchParams({ ...(data.status ? { status: data.status } : {}), page: String(page) })}`;
    return (
      <main id="main">
        <h1>{t("consultations.drafting.index.title")}</h1>
        <p>
          <Link to={`${base}/new`} className="button button--primary">
            {t("consultations.drafting.index.new")}
          </Link>
        </p>
        <Form method="get" className="inline-form">
          <SelectField
            name="status"
            label={t("consultations.drafting.index.filter")}
            defaultValue={data.status ?? ""}
            options={[{ value: "", label: t("consultations.drafting.index.filterAll") }, ...STATUSES.map((s) => ({ value: s, label: t(`consultations.drafting.status.${s}`) }))]}
          />
          <Button variant="secondary">{t("consultations.drafting.index.filterApply")}</Button>
        </Form>
        <Table
          caption={t("consultations.drafting.index.caption")}
          rows={data.consultations}
          rowKey={(c) => c.id}
          empty={data.status ? t("consultations.drafting.index.emptyFiltered") : t("consultations.drafting.index.empty")}
          columns={[
            { header: t("consultations.drafting.index.colTitle"), cell: (c) => <Link to={c.status === "OPEN" || c.status === "CLOSED" ? `${base}/${c.id}/follow` : `${base}/${c.id}/edit`}>{c.title}</Link> },
            { header: t("consultations.drafting.index.colStatus"), cell: (c) => <StatusTag t={t} status={c.status} /> },
            { header: t("consultations.drafting.index.colDeadline"), cell: (c) => c.deadline ?? t("consultations.drafting.index.noDeadline") },
            { header: t("consultations.drafting.index.colCreated"), cell: (c) => c.created },
          ]}
        />
        <p>{t("consultations.drafting.index.zone", { zone: data.zone })}</p>
        <Pagination page={data.page} pages={data.pages} hrefFor={hrefFor} labels={paginationLabels(t, data.page, data.pages)} />
      </main>
    );
  }
  return (
    <main id="main">
      <h1>{t("consultations.drafting.index.title")}</h1>
      <section aria-labelledby="open-consultations">
        <h2 id="open-consultations">{t("consultations.drafting.index.openHeading")}</h2>
        {data.open.length ? (
          <ul className="consultation-list">
            {data.open.map((c) => (
              <li key={c.id}>
                <h3>
                  <Link to={`${base}/${c.id}`}>{c.title}</Link>
                </h3>
                {c.purpose ? <p>{c.purpose}</p> : null}
                {c.deadline ? <p>{t("consultations.drafting.index.deadline", { deadline: c.deadline })}</p> : null}
                <p>
                  <span className={`tag tag--${c.response === "SUBMITTED" ? "open" : "draft"}`}>{t(`consultations.drafting.index.response.${c.response ?? "NONE"}`)}</span>
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("consultations.drafting.index.noOpen")}</p>
        )}
        <p>{t("consultations.drafting.index.zone", { zone: data.zone })}</p>
      </section>
      <section aria-labelledby="closed-consultations">
        <h2 id="closed-consultations">{t("consultations.drafting.index.closedHeading")}</h2>
        {data.closed.length ? (
          <ul className="consultation-list">
            {data.closed.map((c) => (
              <li key={c.id}>
                <Link to={`${base}/${c.id}`}>{c.title}</Link>
                {c.closed ? ` · ${t("consultations.drafting.index.closedOn", { date: c.closed })}` : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("consultations.drafting.index.noClosed")}</p>
        )}
        <Pagination page={data.page} hasNext={data.hasNextClosed} hrefFor={(page) => `${base}?page=${page}`} labels={paginationLabels(t, data.page, data.page + (data.hasNextClosed ? 1 : 0))} />
      </section>
    </main>
  );
}
