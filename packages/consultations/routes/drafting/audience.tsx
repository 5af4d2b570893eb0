import { redirect, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { readForm } from "@commons/plugin-sdk/forms";
import { formError } from "@commons/plugin-sdk/forms/server";
import { Button, ErrorSummary, Notice, Pagination, TextField } from "@commons/ui";
import { findConsultation, isLocked, lockConsultation, requireId, secretariatGuard, type RouteArgs } from "../../src/drafting/access.server.ts";
import { ConsultationHeader, paginationLabels } from "../../src/drafting/components.tsx";
import { draftingT, useDraftingT } from "../../src/drafting/i18n.ts";
import { MAX_PICKED, pickedAfterSave, searchOrganisations } from "../../src/drafting/picked.server.ts";
import { draftingLinks } from "../../src/drafting/styles.ts";

export const links = draftingLinks;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? draftingT()("consultations.drafting.audience.title", { title: data.consultation.title }) : ""} · Commons` }];

const searchOf = (url: URL) => ({
  q: (url.searchParams.get("q") ?? "").trim().slice(0, 100),
  page: Math.min(10_000, Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1)),
});

/** The hand-picked organisations, and a searchable, paginated list of checkboxes to choose more (no JavaScript needed). */
export async function loader(args: RouteArgs) {
  const id = requireId(args.params.consultationId);
  return secretariatGuard(args, async (ctx) => {
    const c = await findConsultation(ctx.db, id);
    const { q, page } = searchOf(new URL(args.request.url));
    const [picked, results] = await Promise.all([
      ctx.db.organisation.findMany({ where: { id: { in: c.audienceOrganisationIds } }, orderBy: { name: "asc" }, select: { id: true, name: true, status: true } }),
      searchOrganisations(ctx.db, q, page),
    ]);
    return {
      slug: ctx.tenant.slug,
      consultation: { id: c.id, title: c.title, status: c.status, audienceKind: c.audienceKind },
      picked,
      results: results.rows,
      pages: results.pages,
      q,
      page,
      member: ctx.nav,
    };
  });
}

export async function action(args: RouteArgs) {
  const id = requireId(args.params.consultationId);
  const form = await readForm(args.request);
  return secretariatGuard(args, async (ctx) => {
    const t = draftingT(ctx.person.locale);
    const c = await lockConsultation(ctx.db, id);
    if (isLocked(c.status)) return formError(form, t("consultations.drafting.audience.locked"), 409);
    const strings = (name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");
    const shown = form.get("intent") === "remove" ? strings("organisationId") : strings("shown");
    const ticked = form.get("intent") === "remove" ? [] : strings("organisationId");
    const picked = await pickedAfterSave(ctx.db, c.audienceOrganisationIds, shown, ticked);
    if (picked.length > MAX_PICKED) return formError(form, t("consultations.drafting.audience.tooMany", { max: MAX_PICKED }), 400);
    await ctx.db.consultation.update({ where: { id }, data: { audienceKind: "PICKED", audienceOrganisationIds: picked } });
    const back = new URLSearchParams({ q: String(form.get("q") ?? "").slice(0, 100), page: String(form.get("page") ?? "1").slice(0, 6), saved: String(picked.length) });
    return redirect(`/c/${ctx.tenant.slug}/consultations/${id}/audience?${back}`);
  });
}

export default function Audience() {
  const t = useDraftingT();
  const { slug, consultation: c, picked, results, pages, q, page } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as { formError?: string } | undefined;
  const [search] = useSearchParams();
  const base = `/c/${slug}/consultations`;
  const here = `${base}/${c.id}/audience`;
  const locked = c.status !== "DRAFT";
  const chosen = new Set(picked.map((o) => o.id));
  const saved = search.get("saved");
  return (
    <main id="main">
      <ConsultationHeader t={t} base={base} id={c.id} title={t("consultations.drafting.audience.title", { title: c.title })} status={c.status} current="audience" picked />
      {saved !== null && !failure ? <Notice tone="success">{t("consultations.drafting.audience.saved", { count: Number(saved) || 0 })}</Notice> : null}
      {locked ? <Notice tone="warning">{t("consultations.drafting.audience.locked")}</Notice> : null}
      {c.audienceKind !== "PICKED" ? <Notice>{t("consultations.drafting.audience.notPicked", { kind: t(`consultations.drafting.form.audience.${c.audienceKind}`).toLowerCase() })}</Notice> : null}
      <ErrorSummary title={t("consultations.drafting.form.errorSummary")} formError={failure?.formError} />

      <section aria-labelledby="picked">
        <h2 id="picked">{t("consultations.drafting.audience.picked", { count: picked.length })}</h2>
        {picked.length ? (
          <ul>
            {picked.map((o) => (
              <li key={o.id}>
                {o.name}{" "}
                {locked ? null : (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="organisationId" value={o.id} />
                    <input type="hidden" name="q" value={q} />
                    <input type="hidden" name="page" value={page} />
                    <Button name="intent" value="remove" variant="link">
                      {t("consultations.drafting.audience.remove", { name: o.name })}
                    </Button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("consultations.drafting.audience.noneChosen")}</p>
        )}
      </section>

      {locked ? null : (
        <section aria-labelledby="find">
          <h2 id="find">{t("consultations.drafting.audience.search")}</h2>
          <Form method="get" className="inline-form" role="search">
            <TextField name="q" type="search" label={t("consultations.drafting.audience.searchLabel")} defaultValue={q} maxLength={100} />
            <Button variant="secondary">{t("consultations.drafting.audience.searchButton")}</Button>
          </Form>
          <Form method="post" key={`${q}-${page}-${picked.length}`}>
            <input type="hidden" name="q" value={q} />
            <input type="hidden" name="page" value={page} />
            <fieldset className="field checkbox-group">
              <legend className="field__label">{q ? t("consultations.drafting.audience.resultsFor", { q }) : t("consultations.drafting.audience.results")}</legend>
              {results.length === 0 ? <p>{t("consultations.drafting.audience.noResults")}</p> : null}
              {results.map((o, i) => (
                <div className="checkbox" key={o.id}>
                  <input type="hidden" name="shown" value={o.id} />
                  <input id={`pick-${i}`} name="organisationId" type="checkbox" value={o.id} defaultChecked={chosen.has(o.id)} />
                  <label htmlFor={`pick-${i}`}>
                    {o.name}
                    {o.acronym ? ` (${o.acronym})` : ""} · {o.region}
                  </label>
                </div>
              ))}
            </fieldset>
            {results.length ? (
              <Button name="intent" value="pick">
                {t("consultations.drafting.audience.save")}
              </Button>
            ) : null}
          </Form>
          <Pagination page={page} pages={pages} hrefFor={(p) => `${here}?${new URLSearchParams({ q, page: String(p) })}`} labels={paginationLabels(t, page, pages)} />
        </section>
      )}
    </main>
  );
}
