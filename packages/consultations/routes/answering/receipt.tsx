import { redirect, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Notice } from "@commons/ui";
import { consultationGuard, requireConsultationForPerson, takesAnswers, type ConsultationRouteArgs } from "../../src/access.server.ts";
import { answeringLinks } from "../../src/answering/components.tsx";
import { whenNamed } from "../../src/answering/page.server.ts";
import { questionsOf, responseOf } from "../../src/answering/responses.server.ts";
import { answerText } from "../../src/questions/kinds.ts";
import { answeringT, useAnsweringT } from "../../src/questions/i18n.ts";

export const links = answeringLinks;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Commons` }];

/** What was submitted, when and by whom, for the respondent's records (printable; no script). */
export async function loader(args: ConsultationRouteArgs) {
  return consultationGuard(args, async (ctx) => {
    const { consultation: c, recipient } = await requireConsultationForPerson(ctx, args.params.consultationId);
    const base = `/c/${ctx.tenant.slug}/consultations/${c.id}`;
    if (!recipient) throw redirect(base);
    const questions = await questionsOf(ctx.db, c.id);
    const response = await responseOf(ctx.db, c.id, recipient.respondentKey, questions);
    if (!response || response.status !== "SUBMITTED" || !response.submittedAt) throw redirect(base);
    const t = answeringT(ctx.person.locale);
    const words = { yes: t("consultations.answering.question.yes"), no: t("consultations.answering.question.no") };
    return {
      base,
      title: t("consultations.answering.receipt.title", { title: c.title }),
      who: recipient.organisation?.name ?? ctx.person.name,
      submittedBy: response.submittedBy ?? "",
      submittedAt: whenNamed(ctx, response.submittedAt),
      mayChange: takesAnswers(c) && recipient.active && recipient.maySubmit,
      answers: questions.map((q, i) => ({ id: q.id, prompt: `${i + 1}. ${q.prompt}`, text: answerText(q, response.answers[q.id], words) })),
      member: ctx.nav,
    };
  });
}

export default function Receipt() {
  const r = useLoaderData<typeof loader>();
  const t = useAnsweringT();
  const [params] = useSearchParams();
  return (
    <main id="main" className="receipt">
      <p className="no-print">
        <Link to={r.base}>{t("consultations.answering.receipt.back")}</Link>
      </p>
      <h1>{r.title}</h1>
      {params.get("submitted") ? <Notice tone="success">{t("consultations.answering.receipt.submittedNotice")}</Notice> : null}
      <p>
        {t("consultations.answering.receipt.summary", { name: r.submittedBy, date: r.submittedAt })} {t("consultations.answering.receipt.for", { who: r.who })}
      </p>
      <dl>
        {r.answers.map((a) => (
          <div key={a.id}>
            <dt>{a.prompt}</dt>
            <dd className="answer-text">{a.text || <span className="muted">{t("consultations.answering.receipt.noAnswer")}</span>}</dd>
          </div>
        ))}
      </dl>
      <p className="muted no-print">{t("consultations.answering.receipt.print")}</p>
      {r.mayChange ? (
        <p className="no-print">
          <Link to={`${r.base}#answers`}>{t("consultations.answering.receipt.edit")}</Link>
        </p>
      ) : null}
    </main>
  );
}
