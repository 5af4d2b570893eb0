import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { formatDate } from "@commons/i18n";
import { Notice, Table } from "@commons/ui";
import { PERMISSIONS } from "../../src/constants.ts";
import { canEditOrganisation, directoryGuard, requireId, type RouteArgs } from "../../src/directory/access.server.ts";
import { directoryLinks, Logo, logoUrl, PlainText, Tags } from "../../src/directory/components.tsx";
import { findViewableOrganisation, organisationPeople, statusHistory } from "../../src/directory/profile.server.ts";
import { useLocale, useMembersT, type MessageKey } from "../../src/directory/i18n.ts";

export const links = directoryLinks;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.organisation.name ?? ""} · Commons` }];

export async function loader(args: RouteArgs) {
  const id = requireId(args.params.organisationId);
  return directoryGuard(args, async (ctx, viewer) => {
    const o = await findViewableOrganisation(ctx.db, viewer, id);
    const [people, history] = await Promise.all([organisationPeople(ctx.db, viewer, id), statusHistory(ctx.db, viewer, id)]);
    const ownFocalPoint = !!ctx.person && ctx.can(PERMISSIONS.ownOrganisation) && ctx.person.organisationId === id;
    return {
      slug: ctx.tenant.slug,
      level: viewer.level,
      organisation: {
        id: o.id,
        name: o.name,
        acronym: o.acronym,
        type: o.type,
        region: o.region,
        province: o.province,
        sectors: o.sectors,
        themes: o.themes,
        languages: o.languages,
        website: /^https?:\/\//i.test(o.website) ? o.website : "",
        // The organisation's contact address is for the coalition, not for the public web.
        email: viewer.level === "public" ? "" : o.email,
        foundedYear: o.foundedYear,
        description: o.description,
        offers: o.offers,
        offerTags: o.offerTags,
        needs: o.needs,
        needTags: o.needTags,
        logoKey: o.logoKey,
        status: o.status,
        statusChangedAt: o.statusChangedAt.toISOString(),
      },
      people,
      history,
      can: { edit: canEditOrganisation(ctx, id), changeStatus: ctx.can(PERMISSIONS.manage), invite: ownFocalPoint },
      member: ctx.nav,
    };
  });
}

export default function OrganisationProfile() {
  const t = useMembersT();
  const locale = useLocale();
  const [params] = useSearchParams();
  const { slug, organisation: o, people, history, can, level } = useLoaderData<typeof loader>();
  const base = `/c/${slug}/members`;
  const here = `${base}/organisations/${o.id}`;
  const none = <span className="muted">{t("members.directory.profile.none")}</span>;
  const focalPoints = people.filter((p) => p.role === "FOCAL_POINT");
  const contacts = people.some((p) => p.email !== null);
  const status = (s: string) => t(`members.status.${s}` as MessageKey);
  return (
    <main id="main">
      <p>
        <Link to={base}>{t("members.directory.profile.back")}</Link>
      </p>
      {params.get("saved") ? <Notice tone="success">{t("members.directory.profile.saved")}</Notice> : null}
      <div className="dir-title">
        {o.logoKey ? <Logo src={logoUrl(base, o.id, o.logoKey)} alt={t("members.directory.profile.logoAlt", { organisation: o.name })} size={88} /> : null}
        <h1>
          {o.name}
          {o.acronym ? <span className="muted"> ({o.acronym})</span> : null}
        </h1>
      </div>
      {can.edit || can.changeStatus || can.invite ? (
        <nav aria-label={t("members.directory.profile.actions")} className="dir-nav">
          <ul>
            {can.edit ? (
              <li>
                <Link to={`${here}/edit`}>{t("members.directory.profile.edit")}</Link>
              </li>
            ) : null}
            {can.changeStatus ? (
              <li>
                <Link to={`${here}/status`}>{t("members.directory.profile.changeStatus")}</Link>
              </li>
            ) : null}
            {can.invite ? (
              <li>
                <Link to={`${here}/invite`}>{t("members.directory.profile.invite")}</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}

      <h2>{t("members.directory.profile.about")}</h2>
      <dl className="summary">
        <dt>{t("members.directory.profile.status")}</dt>
        <dd>{t("members.directory.profile.statusSince", { status: status(o.status), date: formatDate(o.statusChangedAt, locale) })}</dd>
        <dt>{t("members.directory.profile.type")}</dt>
        <dd>{o.type}</dd>
        <dt>{t("members.directory.profile.region")}</dt>
        <dd>{o.region}</dd>
        <dt>{t("members.directory.profile.province")}</dt>
        <dd>{o.province || none}</dd>
        <dt>{t("members.directory.profile.sectors")}</dt>
        <dd>{o.sectors.length ? <Tags values={o.sectors} /> : none}</dd>
        <dt>{t("members.directory.profile.themes")}</dt>
        <dd>{o.themes.length ? <Tags values={o.themes} /> : none}</dd>
        <dt>{t("members.directory.profile.languages")}</dt>
        <dd>{o.languages.length ? o.languages.join(", ") : none}</dd>
        <dt>{t("members.directory.profile.website")}</dt>
        <dd>{o.website ? <a href={o.website} rel="nofollow noopener noreferrer">{o.website}</a> : none}</dd>
        {level !== "public" ? (
          <>
            <dt>{t("members.directory.profile.email")}</dt>
            <dd>{o.email ? <a href={`mailto:${o.email}`}>{o.email}</a> : none}</dd>
          </>
        ) : null}
        <dt>{t("members.directory.profile.foundedYear")}</dt>
        <dd>{o.foundedYear ?? none}</dd>
      </dl>

      <h2>{t("members.directory.profile.description")}</h2>
      {o.description ? <PlainText text={o.description} /> : <p>{none}</p>}

      <h2>{t("members.directory.profile.offers")}</h2>
      {o.offers ? <PlainText text={o.offers} /> : o.offerTags.length ? null : <p>{none}</p>}
      <Tags values={o.offerTags} label={t("members.directory.profile.tags")} />

      <h2>{t("members.directory.profile.needs")}</h2>
      {o.needs ? <PlainText text={o.needs} /> : o.needTags.length ? null : <p>{none}</p>}
      <Tags values={o.needTags} label={t("members.directory.profile.tags")} />

      {level !== "public" ? (
        <>
          <h2>{t("members.directory.profile.focalPoints")}</h2>
          {focalPoints.length ? (
            <ul>
              {focalPoints.map((p) => (
                <li key={p.id}>
                  {p.name}
                  {p.title ? `, ${p.title}` : ""}
                  {p.email ? (
                    <>
                      {" · "}
                      <a href={`mailto:${p.email}`}>{p.email}</a>
                    </>
                  ) : null}
                  {p.phone ? ` · ${p.phone}` : ""}
                </li>
              ))}
            </ul>
          ) : (
            <p>{none}</p>
          )}
          <h2>{t("members.directory.profile.people")}</h2>
          <Table
              caption={t("members.directory.profile.peopleCaption", { organisation: o.name })}
              rows={people}
              rowKey={(p) => p.id}
              empty={t("members.directory.profile.noPeople")}
              columns={[
                { header: t("members.directory.profile.person.name"), cell: (p) => p.name },
                { header: t("members.directory.profile.person.title"), cell: (p) => p.title },
                { header: t("members.directory.profile.person.role"), cell: (p) => t(`members.directory.role.${p.role}` as MessageKey) },
                ...(contacts
                  ? [
                      { header: t("members.directory.profile.person.email"), cell: (p: (typeof people)[number]) => (p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : null) },
                      { header: t("members.directory.profile.person.phone"), cell: (p: (typeof people)[number]) => p.phone },
                    ]
                  : []),
              ]}
            />
        </>
      ) : null}

      {history ? (
        <>
          <h2>{t("members.directory.profile.history")}</h2>
          <Table
              caption={t("members.directory.profile.historyCaption")}
              rows={history}
              rowKey={(h) => h.id}
              empty={t("members.directory.profile.historyEmpty")}
              columns={[
                { header: t("members.directory.profile.history.date"), cell: (h) => formatDate(h.createdAt, locale) },
                {
                  header: t("members.directory.profile.history.change"),
                  cell: (h) => (h.fromStatus ? t("members.directory.profile.history.from", { from: status(h.fromStatus), to: status(h.toStatus) }) : t("members.directory.profile.history.first", { to: status(h.toStatus) })),
                },
                { header: t("members.directory.profile.history.reason"), cell: (h) => h.reason },
              ]}
            />
        </>
      ) : null}
    </main>
  );
}
