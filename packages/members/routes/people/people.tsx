import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { Role } from "@commons/plugin-sdk";
import { Button, Notice, Pagination, SelectField, Table, TextField } from "@commons/ui";
import { PAGE_SIZE, PERMISSIONS } from "../../src/constants.ts";
import { membersT, paginationLabels, useMembersT } from "../../src/i18n.ts";
import { guard, organisationChoices, pageCount, pageParam, type RouteArgs } from "../../src/people/access.server.ts";
import { roleLabel, ROLES } from "../../src/people/labels.ts";

export const meta: MetaFunction = () => [{ title: `${membersT()("members.people.list.title")} · Commons` }];

const filters = z.object({
  q: z.string().trim().max(200).catch(""),
  role: z.enum(ROLES).optional().catch(undefined),
  organisation: z.uuid().optional().catch(undefined),
});

export async function loader(args: RouteArgs) {
  const url = new URL(args.request.url);
  const page = pageParam(args.request);
  const { q, role, organisation } = filters.parse({
    q: url.searchParams.get("q") ?? "",
    role: url.searchParams.get("role") || undefined,
    organisation: url.searchParams.get("organisation") || undefined,
  });
  return guard(args, PERMISSIONS.manage, async ({ db, tenant, nav }) => {
    const where = {
      ...(role ? { role } : {}),
      ...(organisation ? { organisationId: organisation } : {}),
      ...(q ? { user: { OR: [{ name: { contains: q, mode: "insensitive" as const } }, { email: { contains: q, mode: "insensitive" as const } }] } } : {}),
    };
    const [rows, total, organisations] = await Promise.all([
      db.membership.findMany({
        where,
        orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
        skip: (page - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
        select: { userId: true, role: true, title: true, organisation: { select: { name: true } }, user: { select: { name: true, email: true } } },
      }),
      db.membership.count({ where }),
      organisationChoices(db),
    ]);
    const removed = url.searchParams.get("removed");
    return {
      slug: tenant.slug,
      filters: { q, role: role ?? "", organisation: organisation ?? "" },
      organisations,
      people: rows.map((r) => ({ userId: r.userId, name: r.user.name, email: r.user.email, role: r.role as Role, title: r.title, organisation: r.organisation?.name ?? "" })),
      total,
      page,
      pages: pageCount(total),
      removed: removed ? removed.slice(0, 200) : null,
      member: nav,
    };
  });
}

export default function People() {
  const t = useMembersT();
  const data = useLoaderData<typeof loader>();
  const { slug, filters: f, people, page, pages, total } = data;
  const base = `/c/${slug}/members/people`;
  const query = (p: number) => {
    const params = new URLSearchParams();
    if (f.q) params.set("q", f.q);
    if (f.role) params.set("role", f.role);
    if (f.organisation) params.set("organisation", f.organisation);
    if (p > 1) params.set("page", String(p));
    const s = params.toString();
    return s ? `${base}?${s}` : base;
  };
  return (
    <main id="main">
      <h1>{t("members.people.list.title")}</h1>
      <p className="lede">{t("members.people.list.lede")}</p>
      {data.removed ? <Notice tone="success">{t("members.people.person.removed", { name: data.removed })}</Notice> : null}
      <p>
        <Link to={`/c/${slug}/admin/invitations`}>{t("members.people.list.invite")}</Link>
        {" · "}
        <Link to={`/c/${slug}/members/import`}>{t("members.people.list.import")}</Link>
      </p>
      <h2>{t("members.people.list.searchTitle")}</h2>
      <Form method="get" className="narrow" role="search" aria-label={t("members.people.list.searchTitle")}>
        <TextField name="q" type="search" label={t("members.people.list.search")} hint={t("members.people.list.searchHint")} defaultValue={f.q} />
        <SelectField
          name="role"
          label={t("members.people.field.role")}
          defaultValue={f.role}
          options={[{ value: "", label: t("members.people.list.anyRole") }, ...ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))]}
        />
        <SelectField
          name="organisation"
          label={t("members.people.field.organisation")}
          defaultValue={f.organisation}
          options={[{ value: "", label: t("members.people.list.anyOrganisation") }, ...data.organisations.map((o) => ({ value: o.id, label: o.name }))]}
        />
        <Button>{t("members.people.list.apply")}</Button>
      </Form>
      <h2>{t("members.people.list.resultsTitle", { count: total })}</h2>
      <Table
        caption={t("members.people.list.caption")}
        rows={people}
        rowKey={(p) => p.userId}
        empty={t("members.people.list.empty")}
        columns={[
          { header: t("members.people.field.name"), cell: (p) => <Link to={`${base}/${p.userId}`}>{p.name}</Link> },
          { header: t("members.people.field.organisation"), cell: (p) => p.organisation || t("members.people.noOrganisation") },
          { header: t("members.people.field.role"), cell: (p) => roleLabel(t, p.role) },
          { header: t("members.people.field.title"), cell: (p) => p.title },
          { header: t("members.people.field.email"), cell: (p) => p.email },
        ]}
      />
      <Pagination page={page} pages={pages} hrefFor={query} labels={paginationLabels(t, page, pages)} />
    </main>
  );
}
