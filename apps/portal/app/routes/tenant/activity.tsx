import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDateTime, type MessageKey } from "@commons/i18n";
import { Pagination, Table } from "@commons/ui";
import { useLocale, useT, usePaginationLabels } from "../../lib/i18n.ts";
import { describeModuleAction } from "../../lib/modules.server.ts";
import { pageParam, PAGE_SIZE, withMember } from "../../lib/tenant.server.ts";

export const meta: MetaFunction = () => [{ title: "Activity record · Commons" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = pageParam(request);
  return withMember(request, context, params, "activity:read", async ({ db, tenant, nav, session }) => {
    // The record only grows: fetch one row past the page to know whether another follows,
    // instead of counting every row on every view.
    const rows = await db.activity.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE + 1 });
    const entries = rows.slice(0, PAGE_SIZE);
    // One query for every actor on the page, not one per row.
    const actorIds = [...new Set(entries.map((e) => e.actorId).filter((id): id is string => !!id))];
    const actors = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [];
    const names = new Map(actors.map((a) => [a.id, a.name]));
    return {
      member: nav,
      slug: tenant.slug,
      page,
      hasNext: rows.length > PAGE_SIZE,
      entries: entries.map((e) => ({
        id: e.id,
        at: e.createdAt.toISOString(),
        actor: e.actorId ? (names.get(e.actorId) ?? "") : null,
        action: e.action,
        data: e.data as Record<string, string>,
        // A module's entries are worded by the module (server side: its catalogue stays off the page's JS).
        described: describeModuleAction(e.action, e.data, session.user.locale),
      })),
    };
  });
}

const ACTION_KEYS: Record<string, MessageKey> = {
  "tenant.created": "activity.tenant.created",
  "member.invited": "activity.member.invited",
  "member.joined": "activity.member.joined",
  "role.changed": "activity.role.changed",
  "signin.failed": "activity.signin.failed",
  "module.enabled": "activity.module.enabled",
  "module.disabled": "activity.module.disabled",
  "module.settings": "activity.module.settings",
};

export default function Activity() {
  const t = useT();
  const locale = useLocale();
  const { slug, entries, page, hasNext } = useLoaderData<typeof loader>();
  const paginationLabels = usePaginationLabels(page);
  const describe = (action: string, data: Record<string, string>) => {
    const key = ACTION_KEYS[action];
    if (!key) return action;
    return t(key, { ...data, role: data.role ? t(`role.${data.role}` as MessageKey) : "" });
  };
  return (
    <main id="main">
      <h1>{t("activity.title")}</h1>
      <Table
        caption={t("activity.title")}
        rows={entries}
        rowKey={(e) => e.id}
        empty={t("activity.empty")}
        columns={[
          { header: t("activity.when"), cell: (e) => formatDateTime(e.at, locale) },
          { header: t("activity.who"), cell: (e) => e.actor ?? t("activity.system") },
          { header: t("activity.what"), cell: (e) => e.described ?? describe(e.action, e.data) },
        ]}
      />
      <Pagination
        page={page}
        hasNext={hasNext}
        hrefFor={(p) => `/c/${slug}/admin/activity?page=${p}`}
        labels={paginationLabels}
      />
    </main>
  );
}
