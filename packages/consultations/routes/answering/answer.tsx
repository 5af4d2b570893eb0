import { data, redirect, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams, type ShouldRevalidateFunction } from "@remix-run/react";
import { z } from "zod";
import { formLists, readForm } from "@commons/plugin-sdk/forms";
import { notFound } from "@commons/plugin-sdk/server";
import { Button, ErrorSummary, Notice, TextAreaField } from "@commons/ui";
import { consultationGuard, requireConsultationForPerson, takesAnswers, type ConsultationRouteArgs } from "../../src/access.server.ts";
import { answeringLinks, InYourZone, useWarnBeforeLeaving } from "../../src/answering/components.tsx";
import { answeringPage, theirAnswers, typedText, when } from "../../src/answering/page.server.ts";
import { questionsOf, responseOf, saveResponse } from "../../src/answering/responses.server.ts";
import type { FieldValues } from "../../src/questions/kinds.ts";
import { answeringT, useAnsweringT } from "../../src/questions/i18n.ts";
import { QuestionFields } from "../../src/questions/QuestionFields.tsx";
import { validateAnswers } from "../../src/questions/validate.ts";

export const links = answeringLinks;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.consultation.title ?? ""} · Commons` }];

export async function loader(args: ConsultationRouteArgs) {
  return consultationGuard(args, async (ctx) => {
    const found = await requireConsultationForPerson(ctx, args.params.consultationId);
    return answeringPage(ctx, found);
  });
}

/** Why a save or a submission did not happen; what was typed always comes back. */
export type AnswerFailure =
  | { ok: false; kind: "invalid"; message: string; errors: Record<string, string>; values: FieldValues; version: number }
  | { ok: false; kind: "conflict"; message: string; values: FieldValues; version: number; by: string; theirs: Record<string, string> }
  | { ok: false; kind: "refused"; message: string; values: FieldValues; version: number }
  | { ok: false; kind: "closed"; message: string; values: FieldValues; version: number; copyText: string };

/**
 * A refusal as too late reloads the page's data too (Remix skips that after a 4xx), so the
 * passed deadline and the closed notice show at once, as they would after a reload.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  (actionResult as Partial<AnswerFailure> | undefined)?.kind === "closed" || defaultShouldRevalidate;

const seenVersion = z.coerce.number().int().min(0).max(2_000_000_000).catch(0);

export async function action(args: ConsultationRouteArgs) {
  const form = await readForm(args.request);
  const submit = form.get("intent") === "submit";
  return consultationGuard(args, async (ctx) => {
    const { consultation, recipient } = await requireConsultationForPerson(ctx, args.params.consultationId);
    // A manager who was not asked has nothing to answer.
    if (!recipient) throw notFound();
    const t = answeringT(ctx.person.locale);
    const values = formLists(form);
    const version = seenVersion.parse(form.get("version"));
    const fail = (failure: AnswerFailure, status: number) => data(failure, { status });
    const questions = await questionsOf(ctx.db, consultation.id);
    const now = new Date();

    if (!takesAnswers(consultation, now)) {
      return fail({ ok: false, kind: "closed", message: t("consultations.answering.refusedClosed"), values, version, copyText: typedText(questions, values, t) }, 409);
    }
    if (!recipient.active) return fail({ ok: false, kind: "refused", message: t("consultations.answering.refusedSuspended"), values, version }, 403);
    if (submit && !recipient.maySubmit) return fail({ ok: false, kind: "refused", message: t("consultations.answering.refusedNotSubmitter"), values, version }, 403);

    const checked = validateAnswers(questions, values, submit ? "submit" : "draft", t);
    if (!checked.ok) {
      const message = t(submit ? "consultations.answering.submitInvalid" : "consultations.answering.draftInvalid");
      return fail({ ok: false, kind: "invalid", message, errors: checked.errors, values, version }, 400);
    }

    const base = `/c/${ctx.tenant.slug}/consultations/${consultation.id}`;
    const success = () => redirect(submit ? `${base}/receipt?submitted=1` : `${base}?saved=1#answers`);
    const saved = await saveResponse(ctx, { consultationId: consultation.id, respondentKey: recipient.respondentKey, seenVersion: version, answers: checked.answers, submit, now });
    if (saved.kind === "conflict") {
      const latest = await responseOf(ctx.db, consultation.id, recipient.respondentKey, questions);
      // A double click: the same person's same answers were just saved by the first request.
      const repeated = latest && latest.updatedById === ctx.person.id && latest.status === (submit ? "SUBMITTED" : "DRAFT") && JSON.stringify(latest.answers) === JSON.stringify(checked.answers);
      if (repeated && latest.version === version + 1) return success();
      // Same version, yet not written: a draft save over a submission, which only a new submission may change.
      if (latest && latest.version === version && latest.status === "SUBMITTED") {
        return fail({ ok: false, kind: "refused", message: t("consultations.answering.refusedSubmitted"), values, version }, 409);
      }
      const by = latest?.updatedBy ?? "";
      const message = latest ? t("consultations.answering.conflict", { name: by, date: when(ctx, latest.updatedAt) }) : t("consultations.answering.conflictUnknown");
      return fail({ ok: false, kind: "conflict", message, values, version: latest?.version ?? 0, by, theirs: latest ? theirAnswers(questions, latest.answers, t) : {} }, 409);
    }
    return success();
  });
}

const FORM_ID = "answer-form";

export default function AnswerPage() {
  const page = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as AnswerFailure | undefined;
  const t = useAnsweringT();
  const [params] = useSearchParams();
  useWarnBeforeLeaving(FORM_ID, t("consultations.answering.unsavedWarning"));
  const { consultation: c, recipient, response } = page;
  const base = `/c/${page.slug}/consultations`;
  const values = failure?.values ?? response?.values ?? {};
  const version = failure ? failure.version : (response?.version ?? 0);
  const submitted = response?.status === "SUBMITTED";
  // Once submitted, only those who may submit change the answers (by submitting again).
  // Refused as too late: the page was loaded while open, but nothing can be saved any more.
  const editable = page.canAnswer && failure?.kind !== "closed" && (!submitted || !!recipient?.maySubmit);
  const notes =
    failure?.kind === "conflict"
      ? Object.fromEntries(
          Object.entries(failure.theirs).map(([id, text]) => [
            id,
            text ? `${t("consultations.answering.theirAnswer", { name: failure.by })}\n${text}` : t("consultations.answering.theirAnswerEmpty", { name: failure.by }),
          ]),
        )
      : undefined;

  const fields = <QuestionFields questions={page.questions} values={values} errors={failure?.kind === "invalid" ? failure.errors : undefined} notes={notes} />;

  return (
    <main id="main">
      {page.canList ? (
        <p className="no-print">
          <Link to={base}>{t("consultations.answering.back")}</Link>
        </p>
      ) : null}
      <h1>{c.title}</h1>
      {c.purpose ? (
        <>
          <h2>{t("consultations.answering.purpose")}</h2>
          <p className="answer-text">{c.purpose}</p>
        </>
      ) : null}
      {c.backgroundHtml ? (
        <>
          <h2>{t("consultations.answering.background")}</h2>
          <div className="markdown" dangerouslySetInnerHTML={{ __html: c.backgroundHtml }} />
        </>
      ) : null}
      {page.attachments.length ? (
        <>
          <h2>{t("consultations.answering.attachments")}</h2>
          <ul>
            {page.attachments.map((a) => (
              <li key={a.id}>
                <a href={`${base}/${c.id}/attachments/${a.id}`}>{a.fileName}</a> <span className="muted">({t("consultations.answering.attachmentSize", { size: Math.max(1, Math.round(a.size / 1024)) })})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <p>
        <strong>
          {c.deadline
            ? c.deadlinePassed
              ? t("consultations.answering.deadlinePassed", { date: c.deadline })
              : t("consultations.answering.deadline", { date: c.deadline })
            : t("consultations.answering.noDeadline")}
        </strong>
        {c.deadlineIso && !c.deadlinePassed ? <InYourZone iso={c.deadlineIso} zone={c.zone} /> : null}
      </p>
      {c.status === "CLOSED" ? (
        <Notice>
          {t("consultations.answering.closed")} <Link to={`${base}/${c.id}/results`}>{t("consultations.answering.results")}</Link>
        </Notice>
      ) : null}
      {c.status === "DRAFT" || c.status === "SCHEDULED" ? <Notice>{t("consultations.answering.notOpenYet")}</Notice> : null}

      {page.manager ? (
        <p className="no-print">
          {c.status === "DRAFT" ? <Link to={`${base}/${c.id}/edit`}>{t("consultations.answering.manageEdit")}</Link> : <Link to={`${base}/${c.id}/follow`}>{t("consultations.answering.manageFollow")}</Link>}
        </p>
      ) : null}
      {recipient ? <WhoAnswers recipient={recipient} /> : page.manager ? <Notice>{t("consultations.answering.managerOnly")}</Notice> : null}

      <h2 id="answers">{t("consultations.answering.answersHeading")}</h2>
      {params.get("saved") && !failure ? <Notice tone="success">{t("consultations.answering.draftSaved")}</Notice> : null}
      {recipient && !failure ? <ResponseStatus response={response} open={page.canAnswer} maySubmit={recipient.maySubmit} receipt={`${base}/${c.id}/receipt`} /> : null}
      {failure?.kind === "invalid" ? <ErrorSummary title={t("consultations.answering.errorSummary")} errors={failure.errors} formError={failure.message} /> : null}
      {failure && failure.kind !== "invalid" ? <Notice tone="warning">{failure.message}</Notice> : null}
      {failure?.kind === "closed" ? <TextAreaField name="copy" label={t("consultations.answering.copyLabel")} readOnly defaultValue={failure.copyText} className="field__input copy-text" /> : null}

      <Form method="post" id={FORM_ID} noValidate key={`${failure?.kind ?? "page"}-${version}-${response?.version ?? 0}`}>
        <input type="hidden" name="version" value={version} />
        {editable ? (
          fields
        ) : (
          <fieldset disabled className="checkbox-group">
            {fields}
          </fieldset>
        )}
        {editable ? (
          <div className="answer-actions no-print">
            {submitted ? null : (
              <Button name="intent" value="save" variant="secondary">
                {t("consultations.answering.saveDraft")}
              </Button>
            )}
            {recipient?.maySubmit ? (
              <Button name="intent" value="submit">
                {t(submitted ? "consultations.answering.submitChanges" : "consultations.answering.submit")}
              </Button>
            ) : null}
          </div>
        ) : null}
      </Form>
    </main>
  );
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

function WhoAnswers({ recipient }: { recipient: NonNullable<PageData["recipient"]> }) {
  const t = useAnsweringT();
  if (!recipient.active) {
    return (
      <Notice tone="warning">
        {recipient.organisation ? t("consultations.answering.suspended", { organisation: recipient.organisation }) : t("consultations.answering.suspendedPerson")}
      </Notice>
    );
  }
  if (!recipient.organisation) return <p>{t("consultations.answering.whoPerson")}</p>;
  const role = !recipient.hasFocalPoint
    ? t("consultations.answering.whoOrganisationNoFocal")
    : recipient.maySubmit
      ? t("consultations.answering.whoOrganisationFocal")
      : t("consultations.answering.whoOrganisationColleague");
  return (
    <p>
      {t("consultations.answering.whoOrganisation", { organisation: recipient.organisation })} {role}
    </p>
  );
}

function ResponseStatus({ response, open, maySubmit, receipt }: { response: PageData["response"]; open: boolean; maySubmit: boolean; receipt: string }) {
  const t = useAnsweringT();
  if (!response) return <p className="muted">{t("consultations.answering.status.none")}</p>;
  if (response.status === "DRAFT") return <p>{t("consultations.answering.status.draft", { name: response.updatedBy, date: response.updatedAt })}</p>;
  const key = !open ? "consultations.answering.status.submittedFinal" : maySubmit ? "consultations.answering.status.submitted" : "consultations.answering.status.submittedReadOnly";
  return (
    <p>
      {t(key, { name: response.submittedBy ?? "", date: response.submittedAt ?? "" })} <Link to={receipt}>{t("consultations.answering.receiptLink")}</Link>
    </p>
  );
}
