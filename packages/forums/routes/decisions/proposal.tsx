import type { MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { readForm } from "@commons/plugin-sdk/forms";
import { done, formError } from "@commons/plugin-sdk/forms/server";
import { notFound } from "@commons/plugin-sdk/server";
import { formatDateTime, formatNumber, safeZone } from "@commons/i18n";
import { Button, RadioGroup, Table } from "@commons/ui";
import { enterForum, forumNav, guard, requireId, type Db, type RouteArgs } from "../../src/access.server.ts";
import { PERMISSIONS } from "../../src/constants.ts";
import { Feedback, RuleSummary, choiceLabel, outcomeLabel, type ActionResult, decisionsLinks } from "../../src/decisions/components.tsx";
import { electorate, voterKey } from "../../src/decisions/electorate.server.ts";
import { namesIn } from "../../src/participants.server.ts";
import { decisionsT, useDecisionsT, useLocale, type DecisionsT } from "../../src/decisions/i18n.ts";
import { ballotValues, castVote, secretTally, windowState } from "../../src/decisions/proposals.server.ts";
import { ForumNav } from "../../src/spaces/forum-nav.tsx";

export const links = decisionsLinks;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.proposal.title ?? ""} · Commons` }];

const PROPOSAL_COLUMNS = {
  id: true,
  title: true,
  bodyHtml: true,
  authorId: true,
  voteUnit: true,
  options: true,
  choices: true,
  quorumPercent: true,
  thresholdPercent: true,
  blocksStop: true,
  stakeholdersVote: true,
  publicVotes: true,
  opensAt: true,
  closesAt: true,
  status: true,
  outcome: true,
  outcomeChoice: true,
  counts: true,
  eligibleCount: true,
  decidedAt: true,
  createdAt: true,
} as const;

function findProposal(db: Db, forumId: string, proposalId: string) {
  return db.forumProposal.findFirst({ where: { id: proposalId, forumId }, select: PROPOSAL_COLUMNS });
}

/** "2 days 3 hours", "45 minutes": how long a window stays open, to the minute. */
function timeLeft(t: DecisionsT, ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return t("forums.decisions.time.daysHours", { days, hours });
  if (hours > 0) return t("forums.decisions.time.hoursMinutes", { hours, minutes: minutes % 60 });
  return t("forums.decisions.time.minutes", { minutes });
}

export async function loader(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const proposalId = requireId(args.params.proposalId);
  return guard(args, PERMISSIONS.takePart, async (ctx) => {
    const entry = await enterForum(ctx, forumId, { request: args.request });
    const { db, person } = ctx;
    const t = decisionsT(person.locale);
    const proposal = await findProposal(db, forumId, proposalId);
    if (!proposal) throw notFound();
    const now = new Date();
    const decided = proposal.status === "DECIDED";
    const voters = await electorate(db, forumId, proposal);
    const me = voters.people.find((p) => p.userId === person.id);
    const myKey = me ? voterKey(proposal, me) : null;
    // Public votes: the list of votes gives the counts and one's own too (one statement);
    // secret ones: counts by value while open, and one's own vote (one statement).
    const [publicList, secret] = await Promise.all([
      proposal.publicVotes
        ? db.forumVote.findMany({ where: { proposalId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 1000, select: { id: true, voterKey: true, userId: true, organisationId: true, choice: true, createdAt: true } })
        : Promise.resolve([]),
      proposal.publicVotes ? Promise.resolve({ votes: null, own: null }) : secretTally(db, { tenantId: ctx.tenant.id, proposalId, voterKey: myKey, counted: !decided }),
    ]);
    const counts = secret.votes;
    const myVote = proposal.publicVotes ? (publicList.find((v) => v.voterKey === myKey) ?? null) : secret.own;
    const names = await namesIn(db, [...new Set([proposal.authorId, ...(myVote ? [myVote.userId] : []), ...publicList.map((v) => v.userId)])], [...new Set(publicList.flatMap((v) => (v.organisationId ? [v.organisationId] : [])))]);
    const stored = (decided ? (proposal.counts as { votes?: Record<string, number>; cast?: number }) : null) ?? null;
    const tallied: Record<string, number> = {};
    for (const v of publicList) tallied[v.choice] = (tallied[v.choice] ?? 0) + 1;
    const votes = decided ? (stored?.votes ?? {}) : (counts ?? tallied);
    const cast = decided ? (stored?.cast ?? 0) : Object.values(votes).reduce((a, b) => a + b, 0);
    const state = decided ? "closed" : windowState(proposal, now);
    return {
      nav: forumNav(ctx, entry),
      zone: safeZone(ctx.settings.timezone),
      proposal: {
        id: proposal.id,
        title: proposal.title,
        bodyHtml: proposal.bodyHtml,
        author: names.people.get(proposal.authorId) ?? "",
        options: proposal.options,
        rule: { voteUnit: proposal.voteUnit, options: proposal.options, quorumPercent: proposal.quorumPercent, thresholdPercent: proposal.thresholdPercent, blocksStop: proposal.blocksStop, stakeholdersVote: proposal.stakeholdersVote, publicVotes: proposal.publicVotes },
        opensAt: proposal.opensAt.toISOString(),
        closesAt: proposal.closesAt.toISOString(),
        decided,
        outcome: proposal.outcome,
        outcomeChoice: proposal.outcomeChoice,
        decidedAt: proposal.decidedAt?.toISOString() ?? null,
      },
      state,
      timeLeft: state === "open" ? timeLeft(t, proposal.closesAt.getTime() - now.getTime()) : state === "notOpen" ? timeLeft(t, proposal.opensAt.getTime() - now.getTime()) : null,
      eligible: decided ? (proposal.eligibleCount ?? 0) : voters.keys.size,
      ballot: ballotValues(proposal),
      archived: !!entry.forum.archivedAt,
      canVote: !!myKey && !myVote && state === "open" && !entry.forum.archivedAt,
      notEligibleReason: !me ? "notParticipant" : !myKey ? "stakeholder" : null,
      organisationVote: myKey?.startsWith("org:") ?? false,
      myVote: myVote ? { choice: myVote.choice, by: names.people.get(myVote.userId) ?? "", mine: myVote.userId === person.id, at: myVote.createdAt.toISOString() } : null,
      cast,
      // Counts while the window is open only where votes are public; once decided, always.
      counts: decided || proposal.publicVotes ? ballotValues(proposal).map((value) => ({ value, votes: votes[value] ?? 0 })) : null,
      voters: publicList.map((v) => ({
        id: v.id,
        name: names.people.get(v.userId) ?? "",
        organisation: v.organisationId ? (names.organisations.get(v.organisationId) ?? "") : "",
        choice: v.choice,
        at: v.createdAt.toISOString(),
      })),
      member: ctx.nav,
    };
  });
}

export async function action(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const proposalId = requireId(args.params.proposalId);
  const form = await readForm(args.request);
  return guard(args, PERMISSIONS.takePart, async (ctx) => {
    const entry = await enterForum(ctx, forumId);
    const { db, person, tenant } = ctx;
    const t = decisionsT(person.locale);
    const proposal = await findProposal(db, forumId, proposalId);
    if (!proposal) throw notFound();
    // Archiving freezes the forum: proposals still open when it was archived take no more votes.
    if (entry.forum.archivedAt) return formError(form, t("forums.decisions.vote.refused.archived"), 409);
    const choice = String(form.get("choice") ?? "");
    const voters = await electorate(db, forumId, proposal);
    const me = voters.people.find((p) => p.userId === person.id);
    const now = new Date();
    const result = await castVote(db, tenant.id, proposal, me, choice, now);
    if (result.ok) return done(form, t("forums.decisions.vote.recorded", { choice: choiceLabel(t, proposal.options, choice) }));
    const zone = safeZone(ctx.settings.timezone);
    switch (result.reason) {
      case "notEligible":
        return formError(form, t(me ? "forums.decisions.vote.refused.stakeholder" : "forums.decisions.vote.refused.notParticipant"), 403);
      case "notOpen":
        return formError(form, t("forums.decisions.vote.refused.notOpen", { opens: formatDateTime(proposal.opensAt, person.locale, zone) }), 409);
      case "closed":
        return formError(form, t("forums.decisions.vote.refused.closed", { closed: formatDateTime(proposal.closesAt, person.locale, zone) }), 409);
      case "badChoice":
        return formError(form, t("forums.decisions.vote.refused.badChoice"), 400);
      case "alreadyVoted":
        return formError(form, t("forums.decisions.vote.refused.already", { at: formatDateTime(result.at, person.locale, zone) }), 409);
      case "organisationVoted":
        return formError(form, t("forums.decisions.vote.refused.organisation", { by: result.by, at: formatDateTime(result.at, person.locale, zone) }), 409);
    }
  });
}

export default function Proposal() {
  const t = useDecisionsT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const { nav, zone, proposal, state, eligible, cast } = data;
  const label = (value: string) => choiceLabel(t, proposal.options, value);
  return (
    <main id="main">
      <ForumNav nav={nav} current="record" title={proposal.title} inside />
      <p>{t("forums.decisions.proposal.tabledBy", { name: proposal.author })}</p>
      {/* Sanitised when tabled (@commons/markdown): scripts and event attributes do not survive. */}
      <div className="markdown" dangerouslySetInnerHTML={{ __html: proposal.bodyHtml }} />
      <RuleSummary rule={proposal.rule} eligible={eligible} heading={t("forums.decisions.proposal.ruleHeading")} />

      <section aria-labelledby="window-heading">
        <h2 id="window-heading">{t("forums.decisions.proposal.windowHeading")}</h2>
        <p>
          {t("forums.decisions.proposal.window", { opens: formatDateTime(proposal.opensAt, locale, zone), closes: formatDateTime(proposal.closesAt, locale, zone) })}
        </p>
        {state === "open" ? <p>{t("forums.decisions.proposal.timeLeft", { left: data.timeLeft ?? "" })}</p> : null}
        {state === "notOpen" ? <p>{t("forums.decisions.proposal.opensIn", { left: data.timeLeft ?? "" })}</p> : null}
        {state === "closed" && !proposal.decided ? <p>{t("forums.decisions.proposal.closedCounting")}</p> : null}
      </section>

      {proposal.decided && proposal.outcome ? (
        <section aria-labelledby="outcome-heading">
          <h2 id="outcome-heading">{t("forums.decisions.proposal.outcomeHeading")}</h2>
          <p className="decision-outcome">
            <strong>{outcomeLabel(t, proposal.outcome, proposal.outcomeChoice)}</strong>
          </p>
          <p>{t("forums.decisions.proposal.turnout", { cast, eligible, date: proposal.decidedAt ? formatDateTime(proposal.decidedAt, locale, zone) : "" })}</p>
        </section>
      ) : null}

      <section aria-labelledby="vote-heading">
        <h2 id="vote-heading">{t("forums.decisions.vote.heading")}</h2>
        <Feedback result={result} intent="vote" />
        {data.myVote ? (
          <p>
            {data.myVote.mine
              ? t("forums.decisions.vote.yours", { choice: label(data.myVote.choice), at: formatDateTime(data.myVote.at, locale, zone) })
              : t("forums.decisions.vote.organisations", { choice: label(data.myVote.choice), by: data.myVote.by, at: formatDateTime(data.myVote.at, locale, zone) })}
          </p>
        ) : null}
        {data.canVote ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="vote" />
            <RadioGroup
              name="choice"
              legend={t(data.organisationVote ? "forums.decisions.vote.legendOrganisation" : "forums.decisions.vote.legend")}
              hint={t("forums.decisions.vote.final")}
              options={data.ballot.map((value) => ({ value, label: label(value) }))}
              required
            />
            <Button>{t("forums.decisions.vote.submit")}</Button>
          </Form>
        ) : data.archived && !proposal.decided ? (
          <p>{t("forums.decisions.vote.refused.archived")}</p>
        ) : !data.myVote && state === "open" ? (
          <p>{t(data.notEligibleReason === "stakeholder" ? "forums.decisions.vote.refused.stakeholder" : "forums.decisions.vote.refused.notParticipant")}</p>
        ) : null}
        {data.counts ? (
          <Table
            caption={t("forums.decisions.vote.countsCaption")}
            rows={data.counts}
            rowKey={(c) => c.value}
            empty={t("forums.decisions.vote.none")}
            columns={[
              { header: t("forums.decisions.vote.option"), cell: (c) => label(c.value) },
              { header: t("forums.decisions.vote.votes"), cell: (c) => formatNumber(c.votes, locale) },
            ]}
          />
        ) : null}
        <p>{t("forums.decisions.vote.howMany", { cast, eligible })}</p>
        {proposal.rule.publicVotes ? (
          <Table
            caption={t("forums.decisions.vote.votersCaption")}
            rows={data.voters}
            rowKey={(v) => v.id}
            empty={t("forums.decisions.vote.none")}
            columns={[
              { header: t("forums.decisions.vote.voter"), cell: (v) => (v.organisation ? t("forums.decisions.vote.forOrganisation", { name: v.name, organisation: v.organisation }) : v.name) },
              { header: t("forums.decisions.vote.option"), cell: (v) => label(v.choice) },
              { header: t("forums.decisions.vote.when"), cell: (v) => formatDateTime(v.at, locale, zone) },
            ]}
          />
        ) : null}
      </section>
    </main>
  );
}
