import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pagination } from "@commons/ui";
import { guard, visibleForumsWhere, type RouteArgs } from "../../src/access.server.ts";
import { PAGE_SIZE, PERMISSIONS } from "../../src/constants.ts";
import { joinInvitedForums } from "../../src/spaces/participants.server.ts";
import { forumLinks } from "../../src/spaces/forum-nav.tsx";
import { paginationLabels, spacesT, useSpacesT } from "../../src/spaces/i18n.ts";

export const meta: MetaFunction = () => [{ title: `${spacesT()("forums.spaces.index.title")} · Commons` }];
export const links = forumLinks;

function pageParam(request: Request): number {
  const page = Number(new URL(request.url).searchParams.get("page") ?? 1);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

/** The forums the person is in (all of them for the secretariat), newest first. Two statements. */
export async function loader(args: RouteArgs) {
  const page = pageParam(args.request);
  return guard(args, PERMISSIONS.takePart, async (ctx) => {
    const where = visibleForumsWhere(ctx);
    const list = () =>
      Promise.all([
        ctx.db.forum.findMany({
          where,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          skip: (page - 1) * PAGE_SIZE,
          take: PAGE_SIZE,
          select: { id: true, name: true, purpose: true, access: true, publicRecord: true, archivedAt: true },
        }),
        ctx.db.forum.count({ where }),
      ]);
    let [forums, total] = await list();
    // A stakeholder who has just accepted their invitation lands here before the worker has
    // put them in their forums (person.joined): do it now, the same idempotent way.
    if (!total && ctx.person.role === "STAKEHOLDER" && (await joinInvitedForums(ctx.db, ctx.tenant.id, ctx.person.id))) [forums, total] = await list();
    return {
      slug: ctx.tenant.slug,
      canManage: ctx.person.role !== "STAKEHOLDER" && ctx.can(PERMISSIONS.manage),
      forums: forums.map((f) => ({ id: f.id, name: f.name, purpose: f.purpose, access: f.access, publicRecord: f.publicRecord, archived: !!f.archivedAt })),
      page,
      pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
      member: ctx.nav,
    };
  });
}

export default function Forums() {
  const t = useSpacesT();
  const { slug, canManage, forums, page, pages } = useLoaderData<typeof loader>();
  const base = `/c/${slug}/forums`;
  return (
    <main id="main">
      <h1>{t("forums.spaces.index.title")}</h1>
      <p className="lede">{t("forums.spaces.index.lede")}</p>
      {canManage ? (
        <p>
          <Link to={`${base}/new`} className="button button--primary">
            {t("forums.spaces.index.new")}
          </Link>
        </p>
      ) : null}
      {forums.length ? (
        <ul className="forum-list">
          {forums.map((f) => (
            <li key={f.id}>
              <h2>
                <Link to={`${base}/${f.id}`}>{f.name}</Link>
              </h2>
              {f.purpose ? <p>{f.purpose}</p> : null}
              <p className="muted">
                {[t(`forums.spaces.access.${f.access}`), f.publicRecord ? t("forums.spaces.nav.publicRecord") : null, f.archived ? t("forums.spaces.nav.archived") : null].filter(Boolean).join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t(canManage ? "forums.spaces.index.emptyManager" : "forums.spaces.index.empty")}</p>
      )}
      <Pagination page={page} pages={pages} hrefFor={(p) => `${base}?page=${p}`} labels={paginationLabels(t, page, pages)} />
    </main>
  );
}
