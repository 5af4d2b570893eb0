import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "@commons/i18n";
import { Button, Pagination, SelectField, Table } from "@commons/ui";
import { PAGE_SIZE } from "../../src/constants.ts";
import { membersT, paginationLabels, useLocale, useMembersT } from "../../src/i18n.ts";
import { pageCount, pageParam, reviewer, type RouteArgs } from "../../src/applications/access.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Commons` }];

const STATUSES = ["SUBMITTED", "INFO_REQUESTED", "APPROVED", "REJECTED"] as const;
type Status = (typeof STATUSES)[number];

/** The secretariat's queue: waiting applications first (the enum's order), newest first; one status if asked. */
export async function loader(args: RouteArgs) {
  const url = new URL(args.request.url);
  const wanted = url.searchParams.get("status");
  const status = STATUSES.find((s) => s === wanted) ?? null;
  const page = pageParam(args.request);
  return reviewer(args, async ({ db, tenant, settings, person, nav }) => {
    const where = status ? { status } : {};
    const [rows, total] = await Promise.all([
      db.membersApplication.findMany({
        where,
        orderBy: [{ status: "asc" }, { createdAt: "desc" }, { id: "desc" }],
        skip: (page - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
        select: { id: true, organisationName: true, contactName: true, region: true, status: true, createdAt: true },
      }),
      db.membersApplication.count({ where }),
    ]);
    return {
      title: membersT(person.locale)("members.applications.list.title"),
      slug: tenant.slug,
      formOpen: settings.acceptApplications,
      status,
      page,
      pages: pageCount(total),
      total,
      applications: rows.map((a) => ({ ...a, status: a.status as Status, createdAt: a.createdAt.toISOString() })),
      member: nav,
    };
  });
}

export default function Applications() {
  const t = useMembersT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const base = `/c/${data.slug}/members`;
  const query = (page: number) => `${base}/applications?${new URLSearchParams({ ...(data.status ? { status: data.status } : {}), page: String(page) })}`;
  return (
    <main id="main">
      <h1>{data.title}</h1>
      <p>{t("members.applications.list.intro")}</p>
      {data.formOpen ? (
        <p>
          {t("members.applications.list.formOpen")} <Link to={`${base}/apply`}>{`${base}/apply`}</Link>
        </p>
      ) : (
        <p>{t("members.applications.list.formClosed")}</p>
      )}
      <Form method="get">
        <SelectField
          name="status"
          label={t("members.applications.list.filter")}
          defaultValue={data.status ?? ""}
          options={[{ value: "", label: t("members.applications.list.filterAll") }, ...STATUSES.map((s) => ({ value: s, label: t(`members.applications.status.${s}`) }))]}
        />
        <Button variant="secondary">{t("members.applications.list.filterSubmit")}</Button>
      </Form>
      <Table
        caption={t("members.applications.list.caption", { count: data.total })}
        rows={data.applications}
        rowKey={(a) => a.id}
        empty={t("members.applications.list.empty")}
        columns={[
          { header: t("members.applications.list.organisation"), cell: (a) => <Link to={`${base}/applications/${a.id}`}>{a.organisationName}</Link> },
          // What a reviewer looks for first stays on a phone's screen; the rest scrolls.
          { header: t("members.applications.list.status"), cell: (a) => t(`members.applications.status.${a.status}`) },
          { header: t("members.applications.list.received"), cell: (a) => formatDate(a.createdAt, locale) },
          { header: t("members.applications.list.contact"), cell: (a) => a.contactName },
          { header: t("members.applications.list.region"), cell: (a) => a.region },
        ]}
      />
      <Pagination page={data.page} pages={data.pages} hrefFor={query} labels={paginationLabels(t, data.page, data.pages)} />
    </main>
  );
}
