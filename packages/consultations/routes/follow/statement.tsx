import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { readForm, validateForm, formValues } from "@commons/plugin-sdk/forms";
import { done, formError, invalid } from "@commons/plugin-sdk/forms/server";
import { formatDate } from "@commons/i18n";
import { renderMarkdown } from "@commons/markdown";
import { Button, ErrorSummary, Notice, TextAreaField } from "@commons/ui";
import { EVENTS, PERMISSIONS } from "../../src/constants.ts";
import { consultationTabs, findConsultation, guard, requireId, type RouteArgs } from "../../src/follow/access.server.ts";
import { ConsultationTabs } from "../../src/drafting/components.tsx";
import { COMMITMENTS_MAX, parseCommitments, type Commitment } from "../../src/follow/commitments.ts";
import { followT, useFollowT, useLocale, type FollowT } from "../../src/follow/i18n.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${followT()("consultations.follow.statement.title", { title: data?.consultation.title ?? "" })} · Commons` }];

const STATEMENT_MAX = 20_000;
const COMMITMENTS_CHARS_MAX = 5_000;

export async function loader(args: RouteArgs) {
  const consultationId = requireId(args.params.consultationId);
  return guard(args, PERMISSIONS.manage, async ({ db, tenant, nav, person }) => {
    const c = await findConsultation(db, consultationId);
    return {
      slug: tenant.slug,
      consultation: { id: c.id, title: c.title, status: c.status, statement: c.statement, commitments: c.commitments, publishedAt: c.statementPublishedAt?.toISOString() ?? null },
      tabs: consultationTabs(person.locale, c),
      member: nav,
    };
  });
}

function schema(t: FollowT) {
  return z.object({
    statement: z
      .string()
      .default("")
      .transform((s) => s.trim())
      .pipe(z.string().max(STATEMENT_MAX, t("consultations.follow.statement.tooLong", { max: STATEMENT_MAX }))),
    commitments: z
      .string()
      .default("")
      .transform((s) => s.trim())
      .pipe(z.string().max(COMMITMENTS_CHARS_MAX, t("consultations.follow.statement.tooLong", { max: COMMITMENTS_CHARS_MAX })))
      .superRefine((value, issue) => {
        const { commitments, bad } = parseCommitments(value);
        if (bad.length) issue.addIssue({ code: "custom", message: t("consultations.follow.statement.badCommitment", { line: bad[0]! }) });
        else if (commitments.length > COMMITMENTS_MAX) issue.addIssue({ code: "custom", message: t("consultations.follow.statement.tooManyCommitments", { max: COMMITMENTS_MAX }) });
      }),
  });
}

/**
 * Save, preview, or publish the closing statement. Publishing needs the consultation closed
 * and happens once: it sets statementPublishedAt and records consultation.closed, whose
 * subscriber emails everyone who was asked. Saving after that updates what the results page
 * shows, and emails nobody.
 */
export async function action(args: RouteArgs) {
  const consultationId = requireId(args.params.consultationId);
  const form = await readForm(args.request);
  return guard(args, PERMISSIONS.manage, async ({ db, person, emit }) => {
    const t = followT(person.locale);
    const consultation = await findConsultation(db, consultationId);
    const intent = form.get("intent");
    if (intent !== "save" && intent !== "preview" && intent !== "publish") return formError(form, t("consultations.follow.unknownAction"));
    const parsed = validateForm(form, schema(t));
    if (!parsed.ok) return invalid(form, parsed.errors);
    const { statement, commitments } = parsed.data;
    if (intent === "preview") {
      return { ok: true as const, form: "preview", values: formValues(form), preview: { html: renderMarkdown(statement, { topHeading: 3 }), commitments: parseCommitments(commitments).commitments } };
    }
    if (intent === "save") {
      await db.consultation.update({ where: { id: consultationId }, data: { statement, commitments }, select: { id: true } });
      return done(form, t("consultations.follow.statement.saved"));
    }
    if (consultation.status !== "CLOSED") return formError(form, t("consultations.follow.statement.notClosed"), 409);
    if (consultation.statementPublishedAt) return formError(form, t("consultations.follow.statement.alreadyPublished"), 409);
    if (!statement) return invalid(form, { statement: t("consultations.follow.statement.textRequired") });
    // Only if nobody published meanwhile: two officers clicking at once email everyone once.
    const published = await db.consultation.updateMany({
      where: { id: consultationId, status: "CLOSED", statementPublishedAt: null },
      data: { statement, commitments, statementPublishedAt: new Date() },
    });
    if (published.count !== 1) return formError(form, t("consultations.follow.statement.alreadyPublished"), 409);
    await emit(EVENTS.closed, { consultationId });
    return done(form, t("consultations.follow.statement.published"));
  });
}

type ActionResult =
  | { ok: true; form: string; notice?: string; values?: Record<string, string>; preview?: { html: string; commitments: Commitment[] } }
  | { ok: false; form: string; errors?: Record<string, string | undefined>; formError?: string; values?: Record<string, string> }
  | undefined;

export default function StatementPage() {
  const t = useFollowT();
  const locale = useLocale();
  const { slug, consultation, tabs } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const values = result && "values" in result && result.values ? result.values : null;
  const errors = result && !result.ok ? (result.errors ?? {}) : {};
  const preview = result?.ok && result.preview ? result.preview : null;
  const base = `/c/${slug}/consultations/${consultation.id}`;
  const closed = consultation.status === "CLOSED";
  const justPublished = result?.ok && result.form === "publish" && result.notice ? result.notice : null;
  // Publishing is the step that remains once closed: its button is the primary one then.
  const publishable = closed && !consultation.publishedAt;
  return (
    <main id="main">
      <p>
        <Link to={`${base}/follow`}>{t("consultations.follow.back")}</Link>
      </p>
      <h1>{t("consultations.follow.statement.title", { title: consultation.title })}</h1>
      <ConsultationTabs labels={tabs.labels} base={`/c/${slug}/consultations`} id={consultation.id} current="statement" status={consultation.status} picked={tabs.picked} />
      <p className="lede">{t("consultations.follow.statement.lede")}</p>
      {/* One notice about publishing: just published, or published earlier; each links to the results, where the statement is shown. */}
      {justPublished ? (
        <Notice tone="success">
          {justPublished} <Link to={`${base}/results`}>{t("consultations.follow.statement.seeResults")}</Link>
        </Notice>
      ) : consultation.publishedAt ? (
        <Notice>
          {t("consultations.follow.statement.publishedOn", { date: formatDate(consultation.publishedAt, locale) })} <Link to={`${base}/results`}>{t("consultations.follow.statement.seeResults")}</Link>
        </Notice>
      ) : null}
      {!closed ? <Notice tone="warning">{t("consultations.follow.statement.notClosed")}</Notice> : null}
      {result?.ok && result.notice && !justPublished ? <Notice tone="success">{result.notice}</Notice> : null}
      <ErrorSummary title={t("consultations.follow.statement.errors")} errors={errors} formError={result && !result.ok ? result.formError : undefined} />
      <Form method="post" noValidate>
        <TextAreaField
          name="statement"
          label={t("consultations.follow.statement.text")}
          hint={t("consultations.follow.statement.textHint")}
          defaultValue={values?.statement ?? consultation.statement}
          error={errors.statement}
          maxLength={STATEMENT_MAX}
          rows={12}
        />
        <TextAreaField
          name="commitments"
          label={t("consultations.follow.statement.commitments")}
          hint={t("consultations.follow.statement.commitmentsHint")}
          defaultValue={values?.commitments ?? consultation.commitments}
          error={errors.commitments}
          maxLength={COMMITMENTS_CHARS_MAX}
          rows={6}
        />
        <p className="button-row">
          <Button name="intent" value="save" variant={publishable ? "secondary" : "primary"}>
            {t("consultations.follow.statement.save")}
          </Button>{" "}
          <Button name="intent" value="preview" variant="secondary">
            {t("consultations.follow.statement.preview")}
          </Button>{" "}
          {closed && !consultation.publishedAt ? (
            <Button name="intent" value="publish" variant="primary">
              {t("consultations.follow.statement.publish")}
            </Button>
          ) : null}
        </p>
      </Form>
      {preview ? (
        <section aria-labelledby="preview" className="card">
          <h2 id="preview">{t("consultations.follow.statement.previewTitle")}</h2>
          {/* Rendered and sanitised on the server by @commons/markdown. */}
          <div className="prose" dangerouslySetInnerHTML={{ __html: preview.html }} />
          {preview.commitments.length ? (
            <>
              <h3>{t("consultations.follow.results.commitments")}</h3>
              <ul>
                {preview.commitments.map((c, i) => (
                  <li key={i}>{c.url ? <a href={c.url} rel="nofollow ugc">{c.text}</a> : c.text}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </main>
  );
}
