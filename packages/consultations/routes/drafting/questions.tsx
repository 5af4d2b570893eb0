import type { MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { readForm, validateForm } from "@commons/plugin-sdk/forms";
import { done, formError, invalid, type FormFailure } from "@commons/plugin-sdk/forms/server";
import { Button, CheckboxField, ErrorSummary, Notice, SelectField, TextAreaField, TextField } from "@commons/ui";
import { QUESTION_KINDS } from "../../src/constants.ts";
import { findConsultation, isLocked, isUuid, lockConsultation, requireId, secretariatGuard, type RouteArgs } from "../../src/drafting/access.server.ts";
import { ConsultationHeader } from "../../src/drafting/components.tsx";
import { draftingT, useDraftingT, type DraftingT } from "../../src/drafting/i18n.ts";
import { addQuestion, deleteQuestion, MAX_QUESTIONS, moveQuestion, questionSchema, questionsOf } from "../../src/drafting/questions.server.ts";
import { draftingLinks } from "../../src/drafting/styles.ts";

export const links = draftingLinks;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? draftingT()("consultations.drafting.questions.title", { title: data.consultation.title }) : ""} · Commons` }];

export async function loader(args: RouteArgs) {
  const id = requireId(args.params.consultationId);
  return secretariatGuard(args, async (ctx) => {
    const c = await findConsultation(ctx.db, id);
    return {
      slug: ctx.tenant.slug,
      consultation: { id: c.id, title: c.title, status: c.status, audienceKind: c.audienceKind },
      questions: await questionsOf(ctx.db, id),
      member: ctx.nav,
    };
  });
}

export async function action(args: RouteArgs) {
  const id = requireId(args.params.consultationId);
  const form = await readForm(args.request);
  return secretariatGuard(args, async (ctx) => {
    const t = draftingT(ctx.person.locale);
    const consultation = await lockConsultation(ctx.db, id);
    if (isLocked(consultation.status)) return formError(form, t("consultations.drafting.error.locked"), 409);
    const intent = String(form.get("intent") ?? "");
    const questionId = form.get("questionId");
    if (intent === "add") {
      const parsed = validateForm(form, questionSchema(t));
      if (!parsed.ok) return invalid(form, parsed.errors);
      if ((await addQuestion(ctx.db, ctx.tenant.id, id, parsed.data)) === "full") return formError(form, t("consultations.drafting.error.tooManyQuestions", { max: MAX_QUESTIONS }), 409);
      return done(form, t("consultations.drafting.questions.added"));
    }
    if (!isUuid(questionId)) return formError(form, t("consultations.drafting.error.questionGone"), 404);
    if (intent === "update") {
      const parsed = validateForm(form, questionSchema(t));
      if (!parsed.ok) return invalid(form, parsed.errors);
      const updated = await ctx.db.consultationsQuestion.updateMany({ where: { id: questionId, consultationId: id }, data: parsed.data });
      if (!updated.count) return formError(form, t("consultations.drafting.error.questionGone"), 404);
      const { position } = (await ctx.db.consultationsQuestion.findFirst({ where: { id: questionId }, select: { position: true } }))!;
      return done(form, t("consultations.drafting.questions.saved", { n: position + 1 }));
    }
    if (intent === "delete") {
      if (!(await deleteQuestion(ctx.db, id, questionId))) return formError(form, t("consultations.drafting.error.questionGone"), 404);
      return done(form, t("consultations.drafting.questions.deleted"));
    }
    if (intent === "move") {
      const direction = form.get("direction") === "up" ? "up" : "down";
      if (!(await moveQuestion(ctx.db, id, questionId, direction))) return formError(form, t("consultations.drafting.error.questionGone"), 404);
      return done(form, t("consultations.drafting.questions.moved"));
    }
    return formError(form, t("consultations.drafting.error.choose"));
  });
}

type Outcome = (FormFailure & { ok: false }) | { ok: true; form: string; notice: string } | undefined;

interface QuestionValues {
  kind: string;
  prompt: string;
  help: string;
  required: boolean;
  options: string;
  scaleMinLabel: string;
  scaleMaxLabel: string;
}

function QuestionInputs({ t, values, errors }: { t: DraftingT; values: QuestionValues; errors: Partial<Record<string, string>> }) {
  return (
    <>
      <SelectField name="kind" label={t("consultations.drafting.questions.kind")} defaultValue={values.kind} error={errors.kind} options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`consultations.drafting.questions.kind.${k}`) }))} />
      <TextAreaField name="prompt" label={t("consultations.drafting.questions.prompt")} defaultValue={values.prompt} error={errors.prompt} rows={2} maxLength={500} />
      <TextAreaField name="help" label={t("consultations.drafting.questions.help")} defaultValue={values.help} error={errors.help} rows={2} maxLength={2000} />
      <CheckboxField name="required" label={t("consultations.drafting.questions.required")} defaultChecked={values.required} />
      <TextAreaField name="options" label={t("consultations.drafting.questions.options")} hint={t("consultations.drafting.questions.optionsHint")} defaultValue={values.options} error={errors.options} rows={4} />
      <TextField name="scaleMinLabel" label={t("consultations.drafting.questions.scaleMinLabel")} defaultValue={values.scaleMinLabel} error={errors.scaleMinLabel} maxLength={60} />
      <TextField name="scaleMaxLabel" label={t("consultations.drafting.questions.scaleMaxLabel")} defaultValue={values.scaleMaxLabel} error={errors.scaleMaxLabel} maxLength={60} />
    </>
  );
}

const typed = (outcome: FormFailure): QuestionValues => ({
  kind: outcome.values.kind ?? "SHORT_TEXT",
  prompt: outcome.values.prompt ?? "",
  help: outcome.values.help ?? "",
  required: outcome.values.required === "on",
  options: outcome.values.options ?? "",
  scaleMinLabel: outcome.values.scaleMinLabel ?? "",
  scaleMaxLabel: outcome.values.scaleMaxLabel ?? "",
});

const EMPTY: QuestionValues = { kind: "SHORT_TEXT", prompt: "", help: "", required: false, options: "", scaleMinLabel: "", scaleMaxLabel: "" };

/**
 * The questions in order, each with Move and Delete buttons (plain POST forms) and an Edit
 * link; one question form on the page at a time (the one being edited, else "Add a
 * question"), so its fields' ids stay unique.
 */
export default function Questions() {
  const t = useDraftingT();
  const { slug, consultation: c, questions } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>() as Outcome;
  const [search] = useSearchParams();
  const base = `/c/${slug}/consultations`;
  const here = `${base}/${c.id}/questions`;
  const locked = c.status !== "DRAFT";
  const failure = outcome && !outcome.ok ? outcome : undefined;
  // A failed update keeps its form open with what was typed; a successful one closes it.
  const editing = failure?.form === "update" ? failure.values.questionId : outcome?.ok ? null : search.get("edit");
  const edited = questions.find((q) => q.id === editing);
  const editedNumber = edited ? questions.indexOf(edited) + 1 : 0;
  return (
    <main id="main">
      <ConsultationHeader t={t} base={base} id={c.id} title={t("consultations.drafting.questions.title", { title: c.title })} status={c.status} current="questions" picked={c.audienceKind === "PICKED"} />
      {search.get("created") && !outcome ? <Notice tone="success">{t("consultations.drafting.form.created")}</Notice> : null}
      {outcome?.ok ? <Notice tone="success">{outcome.notice}</Notice> : null}
      {locked ? <Notice tone="warning">{t("consultations.drafting.questions.locked")}</Notice> : null}
      <ErrorSummary title={t("consultations.drafting.form.errorSummary")} errors={failure?.errors} formError={failure?.formError} />
      {questions.length === 0 ? <p>{t("consultations.drafting.questions.none")}</p> : null}
      <ol className="question-list">
        {questions.map((q, i) => {
          const n = i + 1;
          return (
            <li key={q.id}>
              <h2>{t("consultations.drafting.questions.number", { n })}</h2>
              <p>
                <strong>{q.prompt}</strong> ({t(`consultations.drafting.questions.kind.${q.kind}`)};{" "}
                {q.required ? t("consultations.drafting.questions.requiredLabel") : t("consultations.drafting.questions.optionalLabel")})
              </p>
              {q.help ? <p>{q.help}</p> : null}
              {/* Only the choice and ranking kinds keep options (questionSchema empties the others'); the .server helper cannot reach the browser. */}
              {q.options.length ? (
                <ul>
                  {q.options.map((o) => (
                    <li key={o}>{o}</li>
                  ))}
                </ul>
              ) : null}
              {q.kind === "SCALE" && (q.scaleMinLabel || q.scaleMaxLabel) ? <p>{`1 – ${q.scaleMinLabel} … 5 – ${q.scaleMaxLabel}`}</p> : null}
              {locked ? null : (
                <div className="inline-actions">
                  <a href={`${here}?edit=${q.id}#edit-question`}>{t("consultations.drafting.questions.edit", { n })}</a>
                  <Form method="post">
                    <input type="hidden" name="questionId" value={q.id} />
                    <input type="hidden" name="intent" value="move" />
                    {i > 0 ? (
                      <Button name="direction" value="up" variant="secondary">
                        {t("consultations.drafting.questions.moveUp", { n })}
                      </Button>
                    ) : null}
                    {i < questions.length - 1 ? (
                      <Button name="direction" value="down" variant="secondary">
                        {t("consultations.drafting.questions.moveDown", { n })}
                      </Button>
                    ) : null}
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="questionId" value={q.id} />
                    <Button name="intent" value="delete" variant="secondary">
                      {t("consultations.drafting.questions.delete", { n })}
                    </Button>
                  </Form>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {locked ? null : edited ? (
        <section aria-labelledby="edit-question">
          <h2 id="edit-question">{t("consultations.drafting.questions.edit", { n: editedNumber })}</h2>
          <Form method="post" action={here} noValidate className="narrow" key={failure ? "edit-failed" : `edit-${edited.id}`}>
            <input type="hidden" name="questionId" value={edited.id} />
            <QuestionInputs t={t} values={failure ? typed(failure) : { ...edited, options: edited.options.join("\n") }} errors={failure?.errors ?? {}} />
            <Button name="intent" value="update">
              {t("consultations.drafting.questions.save", { n: editedNumber })}
            </Button>
          </Form>
        </section>
      ) : (
        <section aria-labelledby="add-question">
          <h2 id="add-question">{t("consultations.drafting.questions.add")}</h2>
          <Form method="post" action={here} noValidate className="narrow" key={failure?.form === "add" ? "add-failed" : `add-${questions.length}`}>
            <QuestionInputs t={t} values={failure?.form === "add" ? typed(failure) : EMPTY} errors={failure?.form === "add" ? failure.errors : {}} />
            <Button name="intent" value="add">
              {t("consultations.drafting.questions.addButton")}
            </Button>
          </Form>
        </section>
      )}
    </main>
  );
}
