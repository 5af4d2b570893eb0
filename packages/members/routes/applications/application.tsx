import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { formatDate, formatDateTime } from "@commons/i18n";
import { readForm, validateForm } from "@commons/plugin-sdk/forms";
import { done, formError, invalid } from "@commons/plugin-sdk/forms/server";
import { notFound } from "@commons/plugin-sdk/server";
import { Button, TextAreaField } from "@commons/ui";
import { membersT, useLocale, useMembersT, type MembersT } from "../../src/i18n.ts";
import { requireId, reviewer, type Ctx, type RouteArgs } from "../../src/applications/access.server.ts";
import { failureOf, Feedback, formKey, PlainText, type ActionResult } from "../../src/applications/components.tsx";
import { textSchema } from "../../src/applications/form.server.ts";
import { approve, DecisionRefused, OPEN_STATUSES, reject, requestInfo } from "../../src/applications/review.server.ts";
import { directoryRoutes } from "../directory/routes.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.application.organisationName ?? ""} · Commons` }];

/** The organisation's profile page, once the directory offers one. */
const hasProfilePage = directoryRoutes.some((r) => r.path === "organisations/:organisationId");

async function findApplication(ctx: Ctx, id: string) {
  const application = await ctx.db.membersApplication.findFirst({ where: { id } });
  if (!application) throw notFound();
  return application;
}

export async function loader(args: RouteArgs) {
  const id = requireId(args.params.applicationId);
  return reviewer(args, async (ctx) => {
    const application = await findApplication(ctx, id);
    const exchange = await ctx.db.activity.findMany({
      where: { subjectType: "membership_application", subjectId: id, action: { in: ["members.application.info_requested", "members.application.info_received"] } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 50,
      select: { id: true, action: true, actorId: true, data: true, createdAt: true },
    });
    // Names through this coalition's memberships only: a reviewer who left shows as "someone".
    const actorIds = [...new Set([application.reviewedById, ...exchange.map((e) => e.actorId)].filter((v): v is string => !!v))];
    const people = actorIds.length
      ? await ctx.db.membership.findMany({ where: { userId: { in: actorIds } }, select: { userId: true, user: { select: { name: true } } } })
      : [];
    const names = Object.fromEntries(people.map((p) => [p.userId, p.user.name]));
    const { responseTokenHash: _hidden, tenantId: _tenant, ...shown } = application;
    return {
      slug: ctx.tenant.slug,
      application: {
        ...shown,
        charterAcceptedAt: shown.charterAcceptedAt.toISOString(),
        createdAt: shown.createdAt.toISOString(),
        reviewedAt: shown.reviewedAt?.toISOString() ?? null,
        reviewer: shown.reviewedById ? (names[shown.reviewedById] ?? null) : null,
      },
      exchange: exchange.map((e) => ({
        id: e.id,
        kind: e.action === "members.application.info_requested" ? ("question" as const) : ("answer" as const),
        by: e.actorId ? (names[e.actorId] ?? null) : null,
        text: String((e.data as Record<string, unknown>)[e.action === "members.application.info_requested" ? "question" : "answer"] ?? ""),
        at: e.createdAt.toISOString(),
      })),
      open: (OPEN_STATUSES as readonly string[]).includes(application.status),
      profileHref: hasProfilePage && application.organisationId ? `/c/${ctx.tenant.slug}/members/organisations/${application.organisationId}` : null,
      member: ctx.nav,
    };
  });
}

async function decide(ctx: Ctx, t: MembersT, form: FormData, id: string) {
  const application = await findApplication(ctx, id);
  const intent = form.get("intent");
  if (intent === "approve") {
    const approved = await approve(ctx, t, application);
    return done(form, t("members.applications.done.approved", { name: approved.name, email: approved.email }));
  }
  if (intent === "reject") {
    const parsed = validateForm(form, textSchema(t, "reason", "members.applications.error.reason", 2000));
    if (!parsed.ok) return invalid(form, parsed.errors);
    await reject(ctx, t, application, String(parsed.data.reason));
    return done(form, t("members.applications.done.rejected"));
  }
  if (intent === "requestInfo") {
    const parsed = validateForm(form, textSchema(t, "question", "members.applications.error.question", 2000));
    if (!parsed.ok) return invalid(form, parsed.errors);
    await requestInfo(ctx, t, application, String(parsed.data.question));
    return done(form, t("members.applications.done.infoRequested"));
  }
  return formError(form, t("members.applications.error.unknownAction"));
}

export async function action(args: RouteArgs) {
  const id = requireId(args.params.applicationId);
  const form = await readForm(args.request);
  let t = membersT();
  try {
    return await reviewer(args, (ctx) => {
      t = membersT(ctx.person.locale);
      return decide(ctx, t, form, id);
    });
  } catch (error) {
    // Thrown inside the transaction so that it rolled back: say why, next to the form.
    if (error instanceof DecisionRefused) return error.field ? invalid(form, { [error.field]: error.message }, 409) : formError(form, error.message, 409);
    throw error;
  }
}

function Field({ label, value }: { label: string; value: string }) {
  const t = useMembersT();
  return (
    <>
      <dt>
        <strong>{label}</strong>
      </dt>
      <dd>{value || t("members.applications.detail.none")}</dd>
    </>
  );
}

export default function Application() {
  const t = useMembersT();
  const locale = useLocale();
  const { slug, application: a, exchange, open, profileHref } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const status = t(`members.applications.status.${a.status}`);
  const someone = t("members.applications.detail.someone");
  const decisionForm = (intent: "reject" | "requestInfo", field: "reason" | "question", title: Parameters<typeof t>[0], submit: Parameters<typeof t>[0], hint?: string) => {
    const failure = failureOf(result, intent);
    return (
      <section aria-labelledby={`${intent}-title`}>
        <h3 id={`${intent}-title`}>{t(title)}</h3>
        {hint ? <p>{hint}</p> : null}
        {failure ? <Feedback result={result} intent={intent} /> : null}
        <Form method="post" noValidate key={formKey(result, intent)}>
          <input type="hidden" name="intent" value={intent} />
          <TextAreaField name={field} label={t(`members.applications.field.${field}`)} defaultValue={failure?.values[field]} error={failure?.errors[field]} rows={4} />
          <Button variant="secondary">{t(submit)}</Button>
        </Form>
      </section>
    );
  };
  return (
    <main id="main">
      <p>
        <Link to={`/c/${slug}/members/applications`}>{t("members.applications.detail.back")}</Link>
      </p>
      <h1>{a.organisationName}</h1>
      <p className="lede">{t("members.applications.detail.status", { status, date: formatDate(a.createdAt, locale) })}</p>
      {/* A success, or a refusal once the forms are gone (decided meanwhile), shows here; other failures next to their form. */}
      {result && (result.ok || !open) ? <Feedback result={result} intent={result.form} /> : null}

      <h2>{t("members.applications.detail.organisation")}</h2>
      <dl className="details">
        <Field label={t("members.applications.field.organisationName")} value={a.organisationName} />
        <Field label={t("members.applications.detail.acronym")} value={a.acronym} />
        <Field label={t("members.applications.field.type")} value={a.type} />
        <Field label={t("members.applications.field.region")} value={a.region} />
        <Field label={t("members.applications.detail.province")} value={a.province} />
        <Field label={t("members.applications.detail.sectors")} value={a.sectors.join(", ")} />
        <Field label={t("members.applications.detail.website")} value={a.website} />
        <dt>
          <strong>{t("members.applications.detail.description")}</strong>
        </dt>
        <dd>{a.description ? <PlainText text={a.description} /> : t("members.applications.detail.none")}</dd>
      </dl>

      <h2>{t("members.applications.detail.contact")}</h2>
      <dl className="details">
        <Field label={t("members.applications.field.contactName")} value={a.contactName} />
        <Field label={t("members.applications.field.contactEmail")} value={a.contactEmail} />
      </dl>

      <h2>{t("members.applications.detail.motivation")}</h2>
      <PlainText text={a.motivation} />
      {a.charterText ? (
        <details>
          <summary>{t("members.applications.detail.charter", { date: formatDate(a.charterAcceptedAt, locale) })}</summary>
          <PlainText text={a.charterText} />
        </details>
      ) : null}

      {exchange.length ? (
        <>
          <h2>{t("members.applications.detail.exchange")}</h2>
          {exchange.map((e) => (
            <div key={e.id} className="exchange">
              <p>
                {e.kind === "question"
                  ? t("members.applications.detail.asked", { name: e.by ?? someone, date: formatDateTime(e.at, locale) })
                  : t("members.applications.detail.answered", { date: formatDateTime(e.at, locale) })}
              </p>
              <blockquote>
                <PlainText text={e.text} />
              </blockquote>
            </div>
          ))}
          {a.status === "INFO_REQUESTED" ? <p>{t("members.applications.detail.waiting")}</p> : null}
        </>
      ) : null}

      <h2>{t("members.applications.detail.decision")}</h2>
      {open ? (
        <>
          <section aria-labelledby="approve-title">
            <h3 id="approve-title">{t("members.applications.approve.title")}</h3>
            <p>{t("members.applications.approve.hint", { name: a.organisationName, email: a.contactEmail })}</p>
            {failureOf(result, "approve") ? <Feedback result={result} intent="approve" /> : null}
            <Form method="post">
              <input type="hidden" name="intent" value="approve" />
              <Button>{t("members.applications.approve.submit")}</Button>
            </Form>
          </section>
          {decisionForm("requestInfo", "question", "members.applications.info.title", "members.applications.info.submit", t("members.applications.info.hint"))}
          {decisionForm("reject", "reason", "members.applications.reject.title", "members.applications.reject.submit")}
        </>
      ) : (
        <>
          <p>{t("members.applications.detail.decided", { status, name: a.reviewer ?? someone, date: a.reviewedAt ? formatDate(a.reviewedAt, locale) : "" })}</p>
          {a.status === "REJECTED" && a.decisionReason ? (
            <>
              <p>{t("members.applications.detail.reason")}</p>
              <blockquote>
                <PlainText text={a.decisionReason} />
              </blockquote>
            </>
          ) : null}
          {profileHref ? (
            <p>
              <Link to={profileHref}>{t("members.applications.detail.viewOrganisation")}</Link>
            </p>
          ) : null}
        </>
      )}
    </main>
  );
}
