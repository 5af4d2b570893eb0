import { redirect, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { readForm } from "@commons/plugin-sdk/forms";
import { formError } from "@commons/plugin-sdk/forms/server";
import { Button, ErrorSummary, Notice } from "@commons/ui";
import { openConsultation, openingReport, type OpeningProblem } from "../../src/audience.server.ts";
import { findConsultation, requireId, secretariatGuard, type RouteArgs } from "../../src/drafting/access.server.ts";
import { ConsultationHeader } from "../../src/drafting/components.tsx";
import { draftingT, useDraftingT } from "../../src/drafting/i18n.ts";
import { formatWithZone, safeZone } from "@commons/i18n";
import { draftingLinks } from "../../src/drafting/styles.ts";

export const links = draftingLinks;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? draftingT()("consultations.drafting.open.title", { title: data.consultation.title }) : ""} · Commons` }];

export async function loader(args: RouteArgs) {
  const id = requireId(args.params.consultationId);
  return secretariatGuard(args, async (ctx) => {
    const c = await findConsultation(ctx.db, id);
    const zone = safeZone(ctx.settings.timezone);
    const now = new Date();
    const { problems, size, questions } = await openingReport(ctx.db, c, now);
    return {
      slug: ctx.tenant.slug,
      consultation: { id: c.id, title: c.title, status: c.status, mode: c.mode, audienceKind: c.audienceKind },
      problems,
      size,
      questions,
      deadline: c.deadline ? formatWithZone(c.deadline, ctx.person.locale, zone) : null,
      opensAt: c.opensAt && c.opensAt > now ? formatWithZone(c.opensAt, ctx.person.locale, zone) : null,
      member: ctx.nav,
    };
  });
}

/** Opens (or schedules) the consultation; what keeps it from opening comes back as a list, nothing written. */
export async function action(args: RouteArgs) {
  const id = requireId(args.params.consultationId);
  const form = await readForm(args.request);
  return secretariatGuard(args, async (ctx) => {
    const t = draftingT(ctx.person.locale);
    await findConsultation(ctx.db, id);
    const outcome = await openConsultation({ db: ctx.db, tenantId: ctx.tenant.id, emit: ctx.emit }, id, new Date());
    if ("problems" in outcome) {
      return formError(form, outcome.problems.map((p) => t(`consultations.drafting.open.problem.${p}`)).join(" "), outcome.problems.includes("notDraft") ? 409 : 400);
    }
    const base = `/c/${ctx.tenant.slug}/consultations/${id}`;
    return redirect(outcome.opened === "OPEN" ? `${base}/follow?opened=${outcome.recipients}` : `${base}/edit?scheduled=1`);
  });
}

export default function OpenConsultation() {
  const t = useDraftingT();
  const { slug, consultation: c, problems, size, questions, deadline, opensAt } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as { formError?: string } | undefined;
  const base = `/c/${slug}/consultations`;
  const problemText = (p: OpeningProblem) => t(`consultations.drafting.open.problem.${p}`);
  return (
    <main id="main">
      <ConsultationHeader t={t} base={base} id={c.id} title={t("consultations.drafting.open.title", { title: c.title })} status={c.status} current="open" picked={c.audienceKind === "PICKED"} />
      <ErrorSummary title={t("consultations.drafting.open.problems")} formError={failure?.formError} />
      {c.status !== "DRAFT" ? (
        <Notice>{t("consultations.drafting.open.alreadyOpen", { status: t(`consultations.drafting.status.${c.status}`).toLowerCase() })}</Notice>
      ) : problems.length ? (
        <section aria-labelledby="problems">
          <h2 id="problems">{t("consultations.drafting.open.problems")}</h2>
          <ul>
            {problems.map((p) => (
              <li key={p}>{problemText(p)}</li>
            ))}
          </ul>
        </section>
      ) : (
        <section aria-labelledby="ready">
          <h2 id="ready">{t("consultations.drafting.open.ready")}</h2>
          <p>
            {c.mode === "PERSON" ? t("consultations.drafting.open.asksPeople", { count: size.people, organisations: size.organisations }) : t("consultations.drafting.open.asks", { count: size.organisations })}
            {size.stakeholders ? t("consultations.drafting.open.andStakeholders", { count: size.stakeholders }) : "."}
          </p>
          <p>{t("consultations.drafting.open.questions", { count: questions })}</p>
          {deadline ? <p>{t("consultations.drafting.open.deadline", { deadline })}</p> : null}
          {opensAt ? <p>{t("consultations.drafting.open.opensAt", { opensAt })}</p> : null}
          <p>{t("consultations.drafting.open.emails")}</p>
          <Form method="post">
            <Button name="intent" value="open">
              {opensAt ? t("consultations.drafting.open.scheduleButton") : t("consultations.drafting.open.button")}
            </Button>
          </Form>
        </section>
      )}
    </main>
  );
}
