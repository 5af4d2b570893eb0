import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { renderMarkdown } from "@commons/markdown";
import { Button, Notice } from "@commons/ui";
import { findConsultation, requireId, secretariatGuard, type RouteArgs } from "../../src/drafting/access.server.ts";
import { ConsultationHeader } from "../../src/drafting/components.tsx";
import { draftingT, useDraftingT } from "../../src/drafting/i18n.ts";
import { questionsOf } from "../../src/drafting/questions.server.ts";
import { formatWithZone, safeZone } from "@commons/i18n";
import { useAnsweringT } from "../../src/questions/i18n.ts";
import { QuestionFields } from "../../src/questions/QuestionFields.tsx";
import { answeringLinks } from "../../src/answering/components.tsx";
import { draftingLinks } from "../../src/drafting/styles.ts";

/** The question fields are styled as on the answer page. */
export const links = () => [...draftingLinks(), ...answeringLinks()];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? draftingT()("consultations.drafting.preview.title", { title: data.consultation.title }) : ""} · Commons` }];

/** The consultation as its audience will see it: texts, documents and the answer form's own question fields (three statements). */
export async function loader(args: RouteArgs) {
  const id = requireId(args.params.consultationId);
  return secretariatGuard(args, async (ctx) => {
    const c = await findConsultation(ctx.db, id);
    const zone = safeZone(ctx.settings.timezone);
    const [questions, attachments] = await Promise.all([
      questionsOf(ctx.db, id),
      ctx.db.consultationsAttachment.findMany({ where: { consultationId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, fileName: true, size: true } }),
    ]);
    return {
      slug: ctx.tenant.slug,
      consultation: {
        id: c.id, title: c.title, purpose: c.purpose, status: c.status, audienceKind: c.audienceKind, mode: c.mode, includeStakeholders: c.includeStakeholders,
        backgroundHtml: c.background ? renderMarkdown(c.background, { topHeading: 3 }) : "",
        deadline: c.deadline ? formatWithZone(c.deadline, ctx.person.locale, zone) : null,
      },
      questions,
      attachments,
      member: ctx.nav,
    };
  });
}

export default function Preview() {
  const t = useDraftingT();
  // The buttons carry the answer page's own words.
  const ta = useAnsweringT();
  const { slug, consultation: c, questions, attachments } = useLoaderData<typeof loader>();
  const base = `/c/${slug}/consultations`;
  return (
    <main id="main">
      <ConsultationHeader t={t} base={base} id={c.id} title={t("consultations.drafting.preview.title", { title: c.title })} status={c.status} current="preview" picked={c.audienceKind === "PICKED"} />
      <Notice>{t("consultations.drafting.preview.notice")}</Notice>
      <article className="consultation-preview">
        <h2>{c.title}</h2>
        {c.purpose ? <p>{c.purpose}</p> : null}
        <p>{c.deadline ? t("consultations.drafting.preview.deadline", { deadline: c.deadline }) : t("consultations.drafting.preview.noDeadline")}</p>
        {/* The answer page says who answers to each reader; here, the same for all those asked. */}
        <p>
          {t(c.mode === "PERSON" ? "consultations.drafting.preview.whoPerson" : "consultations.drafting.preview.whoOrganisation")}
          {c.includeStakeholders && c.mode !== "PERSON" ? ` ${t("consultations.drafting.preview.whoStakeholders")}` : null}
        </p>
        {c.backgroundHtml ? (
          <section aria-labelledby="preview-background">
            <h3 id="preview-background">{t("consultations.drafting.preview.background")}</h3>
            {/* Sanitised by @commons/markdown. */}
            <div className="markdown" dangerouslySetInnerHTML={{ __html: c.backgroundHtml }} />
          </section>
        ) : null}
        {attachments.length ? (
          <section aria-labelledby="preview-documents">
            <h3 id="preview-documents">{t("consultations.drafting.preview.documents")}</h3>
            <ul>
              {attachments.map((a) => (
                <li key={a.id}>
                  <a href={`${base}/${c.id}/attachments/${a.id}`}>{a.fileName}</a> ({t("consultations.drafting.attachments.size", { size: Math.max(1, Math.round(a.size / 1024)) })})
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="preview-questions">
          <h3 id="preview-questions">{t("consultations.drafting.preview.questions")}</h3>
          {/* Disabled: the preview shows the controls, nothing can be typed or sent from here. */}
          <fieldset disabled className="preview-questions">
            <QuestionFields questions={questions} />
            <div className="answer-actions">
              <Button type="button" variant="secondary">
                {ta("consultations.answering.saveDraft")}
              </Button>
              <Button type="button">{ta("consultations.answering.submit")}</Button>
            </div>
          </fieldset>
        </section>
      </article>
    </main>
  );
}
