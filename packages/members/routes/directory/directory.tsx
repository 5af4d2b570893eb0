import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { Button, Notice, Pagination, SelectField, TextField } from "@commons/ui";
import { directoryGuard, type RouteArgs } from "../../src/directory/access.server.ts";
import { directoryLinks, Logo, logoUrl, Tags } from "../../src/directory/components.tsx";
import { FACETS, filterQuery, type Facet } from "../../src/directory/filters.ts";
import { parseFilters, parsePage, searchDirectory } from "../../src/directory/search.server.ts";
import { membersT, paginationLabels, useMembersT } from "../../src/directory/i18n.ts";

export const links = directoryLinks;
export const meta: MetaFunction = () => [{ title: `${membersT()("members.directory.title")} · Commons` }];

export async function loader(args: RouteArgs) {
  const url = new URL(args.request.url);
  const filters = parseFilters(url);
  const page = parsePage(url);
  return directoryGuard(args, async (ctx, viewer) => {
    const result = await searchDirectory(ctx.db, ctx.tenant.id, ctx.settings, filters, page);
    return {
      slug: ctx.tenant.slug,
      coalition: ctx.tenant.name,
      level: viewer.level,
      isPublic: ctx.settings.publicDirectory,
      filters,
      ...result,
      // Only what a card shows: small pages on slow connections, and no contact details.
      rows: result.rows.map((o) => ({
        id: o.id, name: o.name, acronym: o.acronym, type: o.type, region: o.region, province: o.province, sectors: o.sectors, status: o.status, logoKey: o.logoKey,
        description: o.description.length > 220 ? `${o.description.slice(0, 219).trimEnd()}…` : o.description,
      })),
      member: ctx.nav,
    };
  });
}

const FACET_LABEL = {
  region: "members.directory.filter.region",
  sector: "members.directory.filter.sector",
  theme: "members.directory.filter.theme",
  type: "members.directory.filter.type",
  language: "members.directory.filter.language",
} as const satisfies Record<Facet, string>;

export default function Directory() {
  const t = useMembersT();
  const data = useLoaderData<typeof loader>();
  const location = useLocation();
  const base = `/c/${data.slug}/members`;
  const { filters } = data;
  const filtered = Object.values(filters).some(Boolean);
  return (
    <main id="main">
      <h1>{t("members.directory.title")}</h1>
      <p className="lede">{t("members.directory.lede", { coalition: data.coalition })}</p>
      {data.isPublic && data.level !== "public" ? <Notice>{t("members.directory.public")}</Notice> : null}

      <Form method="get" role="search" key={location.search}>
        <TextField name="q" type="search" label={t("members.directory.search")} hint={t("members.directory.searchHint")} defaultValue={filters.q} maxLength={200} />
        <fieldset className="dir-filters">
          <legend className="visually-hidden">{t("members.directory.filters")}</legend>
          <div className="dir-filters__grid">
            {FACETS.map((facet) => (
              <SelectField
                key={facet}
                name={facet}
                label={t(FACET_LABEL[facet])}
                defaultValue={filters[facet]}
                options={[
                  { value: "", label: t("members.directory.filter.any") },
                  ...data.facets[facet].map((o) => ({ value: o.value, label: t("members.directory.filter.option", { value: o.value, count: o.count }) })),
                ]}
              />
            ))}
          </div>
        </fieldset>
        <p className="dir-actions">
          <Button>{t("members.directory.apply")}</Button>
          {filtered ? <Link to={base}>{t("members.directory.clear")}</Link> : null}
        </p>
      </Form>

      <h2 id="results">{t("members.directory.results")}</h2>
      <p aria-live="polite">
        <strong>{t(filtered ? "members.directory.totalFiltered" : "members.directory.total", { count: data.total })}</strong>
      </p>
      {data.rows.length ? (
        <ul className="dir-results" aria-labelledby="results">
          {data.rows.map((o) => (
            <li key={o.id} className="card dir-card">
              {o.logoKey ? <Logo src={logoUrl(base, o.id, o.logoKey)} alt="" /> : null}
              <div className="dir-card__body">
                <h3>
                  <Link to={`${base}/organisations/${o.id}`}>{o.name}</Link>
                  {o.acronym ? <span className="muted"> ({o.acronym})</span> : null}
                </h3>
                <p className="muted dir-card__meta">
                  {[o.type, [o.province, o.region].filter(Boolean).join(", ")].filter(Boolean).join(" · ")}
                  {o.status === "SUSPENDED" ? ` · ${t("members.directory.suspended")}` : ""}
                </p>
                <Tags values={o.sectors} label={t("members.directory.profile.sectors")} />
                {o.description ? <p className="dir-card__text">{o.description}</p> : null}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("members.directory.empty")}</p>
      )}
      <Pagination page={data.page} pages={data.pages} hrefFor={(p) => `${base}${filterQuery(filters, { page: p })}`} labels={paginationLabels(t, data.page, data.pages)} />

      <h2>{t("members.directory.export")}</h2>
      <p className="muted">{t("members.directory.exportHint")}</p>
      <ul className="dir-downloads">
        <li>
          <a href={`${base}/export${filterQuery(filters, { format: "csv" })}`}>{t("members.directory.exportCsv")}</a>
        </li>
        <li>
          <a href={`${base}/export${filterQuery(filters, { format: "xlsx" })}`}>{t("members.directory.exportXlsx")}</a>
        </li>
        {data.level === "manager" ? (
          <>
            <li>
              <a href={`${base}/export${filterQuery(filters, { format: "csv", kind: "people" })}`}>{t("members.directory.exportPeopleCsv")}</a>
            </li>
            <li>
              <a href={`${base}/export${filterQuery(filters, { format: "xlsx", kind: "people" })}`}>{t("members.directory.exportPeopleXlsx")}</a>
            </li>
          </>
        ) : null}
      </ul>
      {data.level === "manager" ? (
        <p>
          <Link to={`${base}/import`}>{t("members.directory.import")}</Link>
        </p>
      ) : null}
    </main>
  );
}
