import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { notFound } from "@commons/plugin-sdk/server";
import { readForm, validateForm } from "@commons/plugin-sdk/forms";
import { done, formError } from "@commons/plugin-sdk/forms/server";
import { formatDate } from "@commons/i18n";
import { renderMarkdown } from "@commons/markdown";
import { Button, Notice, Pagination } from "@commons/ui";
import { consultationGuard, requireConsultationForPerson, requireUuid, type ConsultationRouteArgs } from "../../src/access.server.ts";
import { PAGE_SIZE } from "../../src/constants.ts";
import { consultationTabs, pageParam } from "../../src/follow/access.server.ts";
import { followLinks } from "../../src/follow/styles.ts";
import { ConsultationTabs } from "../../src/drafting/components.tsx";
import { BarChart, type Bar } from "../../src/follow/chart.tsx";
import { parseCommitments } from "../../src/follow/commitments.ts";
import { followT, paginationLabels, useFollowT, useLocale, type FollowT } from "../../src/follow/i18n.ts";
import { resultsPage, writtenAnswers, type QuestionResult, type ResultQuestion, type WrittenAnswers } from "../../src/follow/results.server.ts";

export const links = followLinks;
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${followT()("consultations.follow.results.title", { title: data?.consultation.title ?? "" })} · Commons` },
];

/**
 * The results of a consultation. Managers see them at any time (live while it is open);
 * those who were asked see them once it is closed, with the closing statement beside them.
 * Names next to written answers follow the consultation's visibility: SECRETARIAT → the
 * managers only, PARTICIPANTS → everyone who sees the results, ANONYMOUS → nobody.
 * `?question=<id>` lists all the written answers to one question, a page at a time.
 */
export async function loader(args: ConsultationRouteArgs) {
  const consultationId = requireUuid(args.params.consultationId);
  const url = new URL(args.request.url);
  const only = url.searchParams.get("question");
  const questionId = only === null ? null : requireUuid(only);
  const page = pageParam(url);
  return consultationGuard(args, async (ctx) => {
    const { consultation, manager, recipient } = await requireConsultationForPerson(ctx, consultationId);
    if (!manager && consultation.status !== "CLOSED") throw notFound();
    const named = consultation.visibility === "PARTICIPANTS" || (consultation.visibility === "SECRETARIAT" && manager);
    const base = { slug: ctx.tenant.slug, consultation: { id: consultation.id, title: consultation.title, status: consultation.status, visibility: consultation.visibility, closedAt: consultation.closedAt?.toISOString() ?? null }, manager, tabs: manager ? consultationTabs(ctx.person.locale, consultation) : null, member: ctx.nav };

    if (questionId) {
      const question = await ctx.db.consultationsQuestion.findFirst({ where: { id: questionId, consultationId }, select: { id: true, prompt: true } });
      if (!question) throw notFound();
      const texts = (await writtenAnswers(ctx.db, ctx.tenant.id, consultationId, { named, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, questionId })).get(questionId) ?? { total: 0, answers: [] };
      return { ...base, view: "texts" as const, question: { id: question.id, prompt: question.prompt }, texts, page, pages: Math.max(1, Math.ceil(texts.total / PAGE_SIZE)) };
    }

    const { statement, commitments, results, texts, totals: counts } = await resultsPage(ctx.db, ctx.tenant.id, consultationId, {
      named,
      ownKey: recipient?.respondentKey ?? null,
    });
    const published = consultation.statementPublishedAt !== null;
    return {
      ...base,
      view: "all" as const,
      results,
      texts: Object.fromEntries(texts) as Record<string, WrittenAnswers>,
      totals: { recipients: counts.recipients, submitted: counts.submitted, heard: counts.heard, notHeard: counts.notHeard },
      statement: published ? { html: renderMarkdown(statement, { topHeading: 3 }), commitments: parseCommitments(commitments).commitments, publishedAt: consultation.statementPublishedAt!.toISOString() } : null,
      // Those whose organisation (or who themselves) submitted may say whether they feel heard, once there is a statement.
      feltHeard: published && recipient && counts.ownSubmitted ? { own: counts.ownFeltHeard } : null,
    };
  });
}

const feltHeardSchema = (t: FollowT) => z.object({ feltHeard: z.enum(["yes", "no"], t("consultations.follow.results.feltHeardChoose")) });

/** "We feel heard" / "We do not feel heard": stored on the respondent's submitted response, changeable. */
export async function action(args: ConsultationRouteArgs) {
  const consultationId = requireUuid(args.params.consultationId);
  const form = await readForm(args.request);
  return consultationGuard(args, async (ctx) => {
    const t = followT(ctx.person.locale);
    const { consultation, manager, recipient } = await requireConsultationForPerson(ctx, consultationId);
    if (!manager && consultation.status !== "CLOSED") throw notFound();
    if (form.get("intent") !== "feltHeard") return formError(form, t("consultations.follow.unknownAction"));
    const parsed = validateForm(form, feltHeardSchema(t));
    if (!parsed.ok) return formError(form, parsed.errors.feltHeard ?? t("consultations.follow.results.feltHeardChoose"));
    if (!recipient || consultation.status !== "CLOSED" || !consultation.statementPublishedAt) return formError(form, t("consultations.follow.results.feltHeardNotAllowed"), 403);
    const saved = await ctx.db.consultationsResponse.updateMany({
      where: { consultationId, respondentKey: recipient.respondentKey, status: "SUBMITTED" },
      data: { feltHeard: parsed.data.feltHeard === "yes" },
    });
    if (saved.count !== 1) return formError(form, t("consultations.follow.results.feltHeardNotAllowed"), 403);
    return done(form, t("consultations.follow.results.feltHeardSaved"));
  });
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
type ActionResult = { ok: true; notice: string } | { ok: false; formError?: string } | undefined;

function optionLabel(t: FollowT, q: Pick<ResultQuestion, "kind" | "scaleMinLabel" | "scaleMaxLabel">, value: string): string {
  if (q.kind === "YES_NO") return t(value === "yes" ? "consultations.follow.results.yes" : "consultations.follow.results.no");
  if (q.kind === "SCALE") {
    const end = value === "1" ? q.scaleMinLabel : value === "5" ? q.scaleMaxLabel : "";
    return end ? t("consultations.follow.results.scaleEnd", { value, label: end }) : t("consultations.follow.results.scalePoint", { value });
  }
  return value;
}

function percentText(locale: string, percent: number) {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(percent / 100);
}

function QuestionBlock({ result, index, texts, base }: { result: QuestionResult; index: number; texts: WrittenAnswers | undefined; base: string }) {
  const t = useFollowT();
  const locale = useLocale();
  const q = result.question;
  const headingId = `q-${q.id}`;
  const ranking = q.kind === "RANKING";
  const bars: Bar[] = result.options.map((o) =>
    ranking
      ? { label: o.value, share: o.averageRank ? (result.options.length + 1 - o.averageRank) / result.options.length : 0, figure: o.averageRank ? String(o.averageRank) : "–" }
      : { label: optionLabel(t, q, o.value), share: o.percent / 100, figure: `${o.count} (${percentText(locale, o.percent)})` },
  );
  const summary = t("consultations.follow.results.chartLabel", {
    prompt: q.prompt,
    summary: result.options
      .map((o) =>
        ranking
          ? t("consultations.follow.results.rankItem", { label: o.value, rank: o.averageRank ?? "–" })
          : t("consultations.follow.results.chartItem", { label: optionLabel(t, q, o.value), count: o.count, percent: percentText(locale, o.percent) }),
      )
      .join("; "),
  });
  return (
    <section className="results-question" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="muted">{t("consultations.follow.results.question", { n: index + 1 })}: </span>
        {q.prompt}
      </h3>
      <p className="muted">{result.answered ? t("consultations.follow.results.answered", { count: result.answered }) : t("consultations.follow.results.noAnswers")}</p>
      {result.options.length && result.answered ? (
        <>
          <BarChart id={`chart-${q.id}`} summary={summary} bars={bars} />
          {q.kind === "SCALE" && result.mean !== null ? <p>{t("consultations.follow.results.mean", { mean: result.mean })}</p> : null}
          {ranking ? <p className="muted">{t("consultations.follow.results.rankingHint")}</p> : null}
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{q.prompt}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("consultations.follow.results.option")}</th>
                  {ranking ? <th scope="col">{t("consultations.follow.results.averageRank")}</th> : null}
                  <th scope="col">{t("consultations.follow.results.count")}</th>
                  {ranking ? null : <th scope="col">{t("consultations.follow.results.percent")}</th>}
                </tr>
              </thead>
              <tbody>
                {result.options.map((o) => (
                  <tr key={o.value}>
                    <th scope="row">{optionLabel(t, q, o.value)}</th>
                    {ranking ? <td>{o.averageRank || "–"}</td> : null}
                    <td>{o.count}</td>
                    {ranking ? null : <td>{percentText(locale, o.percent)}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {q.kind === "SHORT_TEXT" || q.kind === "LONG_TEXT" || (q.kind === "YES_NO" && texts?.total) ? (
        <>
          <h4>{t(q.kind === "YES_NO" ? "consultations.follow.results.comments" : "consultations.follow.results.texts")}</h4>
          <TextList texts={texts} />
          {texts && texts.total > texts.answers.length ? (
            <p>
              <Link to={`${base}?question=${q.id}`}>{t("consultations.follow.results.allTexts", { count: texts.total })}</Link>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function TextList({ texts }: { texts: WrittenAnswers | undefined }) {
  const t = useFollowT();
  if (!texts?.answers.length) return <p>{t("consultations.follow.results.noTexts")}</p>;
  return (
    <ul className="results-texts">
      {texts.answers.map((a, i) => (
        <li key={i}>
          <p className="results-text">{a.text}</p>
          {a.name ? <p className="muted">— {t("consultations.follow.results.by", { name: a.name })}</p> : null}
        </li>
      ))}
    </ul>
  );
}

function VisibilityNote({ visibility }: { visibility: string }) {
  const t = useFollowT();
  const key =
    visibility === "ANONYMOUS" ? "consultations.follow.results.anonymous" : visibility === "PARTICIPANTS" ? "consultations.follow.results.namedToParticipants" : "consultations.follow.results.namedToSecretariat";
  return <p className="muted">{t(key)} {t("consultations.follow.results.textsOrder")}</p>;
}

export default function ResultsPage() {
  const t = useFollowT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>() as Loaded;
  const result = useActionData<typeof action>() as ActionResult;
  const base = `/c/${data.slug}/consultations/${data.consultation.id}/results`;

  if (data.view === "texts") {
    return (
      <main id="main">
        <p>
          <Link to={base}>{t("consultations.follow.results.backToResults")}</Link>
        </p>
        <h1>{t("consultations.follow.results.allTextsTitle", { prompt: data.question.prompt })}</h1>
        <VisibilityNote visibility={data.consultation.visibility} />
        <TextList texts={data.texts} />
        <Pagination page={data.page} pages={data.pages} hrefFor={(p) => `${base}?question=${data.question.id}&page=${p}`} labels={paginationLabels(t, data.page, data.pages)} />
      </main>
    );
  }

  return (
    <main id="main">
      <p>
        <Link to={`/c/${data.slug}/consultations/${data.consultation.id}${data.manager ? "/follow" : ""}`}>{t("consultations.follow.back")}</Link>
      </p>
      <h1>{t("consultations.follow.results.title", { title: data.consultation.title })}</h1>
      {data.tabs ? <ConsultationTabs labels={data.tabs.labels} base={`/c/${data.slug}/consultations`} id={data.consultation.id} current="results" status={data.consultation.status} picked={data.tabs.picked} /> : null}
      {data.consultation.status === "CLOSED" && data.consultation.closedAt ? (
        <p>{t("consultations.follow.results.closedOn", { date: formatDate(data.consultation.closedAt, locale) })}</p>
      ) : (
        <Notice>{t("consultations.follow.results.live")}</Notice>
      )}
      <p>
        <strong>{t("consultations.follow.results.summary", { submitted: data.totals.submitted, recipients: data.totals.recipients })}</strong>
      </p>

      <div className="results-layout">
        <section className="results-statement" aria-labelledby="statement">
          <h2 id="statement">{t("consultations.follow.results.statement")}</h2>
          {data.statement ? (
            <>
              {/* Rendered and sanitised on the server by @commons/markdown. */}
              <div className="prose" dangerouslySetInnerHTML={{ __html: data.statement.html }} />
              {data.statement.commitments.length ? (
                <>
                  <h3>{t("consultations.follow.results.commitments")}</h3>
                  <ul>
                    {data.statement.commitments.map((c, i) => (
                      <li key={i}>{c.url ? <a href={c.url} rel="nofollow ugc">{c.text}</a> : c.text}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              <h3>{t("consultations.follow.results.feltHeard")}</h3>
              <p>{t("consultations.follow.results.feltHeardCounts", { yes: data.totals.heard, no: data.totals.notHeard })}</p>
              {result?.ok ? <Notice tone="success">{result.notice}</Notice> : null}
              {result && !result.ok && result.formError ? <Notice tone="warning">{result.formError}</Notice> : null}
              {data.feltHeard ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="feltHeard" />
                  {data.feltHeard.own !== null ? (
                    <p>
                      {t("consultations.follow.results.feltHeardYours", {
                        answer: t(data.feltHeard.own ? "consultations.follow.results.feltHeardYes" : "consultations.follow.results.feltHeardNo"),
                      })}
                    </p>
                  ) : null}
                  <p className="button-row">
                    <Button name="feltHeard" value="yes" variant={data.feltHeard.own === true ? "primary" : "secondary"}>
                      {t("consultations.follow.results.feltHeardYes")}
                    </Button>{" "}
                    <Button name="feltHeard" value="no" variant={data.feltHeard.own === false ? "primary" : "secondary"}>
                      {t("consultations.follow.results.feltHeardNo")}
                    </Button>
                  </p>
                </Form>
              ) : null}
            </>
          ) : (
            <p>{t("consultations.follow.results.noStatement")}</p>
          )}
          {data.manager ? (
            <p>
              <Link to={`/c/${data.slug}/consultations/${data.consultation.id}/statement`}>{t("consultations.follow.statementLink")}</Link>
            </p>
          ) : null}
        </section>

        <section className="results-answers" aria-labelledby="answers">
          <h2 id="answers">{t("consultations.follow.results.answers")}</h2>
          <VisibilityNote visibility={data.consultation.visibility} />
          {data.results.map((r, i) => (
            <QuestionBlock key={r.question.id} result={r} index={i} texts={data.texts[r.question.id]} base={base} />
          ))}
        </section>
      </div>
    </main>
  );
}
