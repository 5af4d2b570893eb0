import { formatDate } from "@commons/i18n";
import { FormFeedback, Table, type FormResult } from "@commons/ui";
import { forumLinks } from "../spaces/forum-nav.tsx";
import stylesheet from "./decisions.css?url";
import { useDecisionsT, useLocale, type DecisionsT } from "./i18n.ts";

/** Every decisions page exports these as its `links`: the forum header's stylesheet and this area's. */
export const decisionsLinks = () => [...forumLinks(), { rel: "stylesheet", href: stylesheet }];

/** What a decisions action returns, as the page receives it. */
export { failureOf, type FormResult as ActionResult } from "@commons/ui";

/** The success notice and, for the form that failed, its error summary. */
export function Feedback({ result, intent }: { result: FormResult; intent: string }) {
  const t = useDecisionsT();
  return <FormFeedback result={result} intent={intent} errorTitle={t("forums.decisions.form.errorSummaryTitle")} />;
}

export interface RuleView {
  voteUnit: "ORGANISATION" | "PERSON";
  options: "CONSENT" | "CHOICE";
  quorumPercent: number;
  thresholdPercent: number;
  blocksStop: boolean;
  stakeholdersVote: boolean;
  publicVotes: boolean;
}

/**
 * The decision rule in plain words, one sentence each: "One organisation, one vote", "Quorum:
 * 50 % of 12 organisations must vote", … The same words on the form before tabling, on the
 * proposal, and in the record.
 */
export function ruleSentences(t: DecisionsT, rule: RuleView, eligible?: number): string[] {
  const unit = rule.voteUnit === "ORGANISATION" ? "organisation" : "person";
  const lines = [t(unit === "organisation" ? "forums.decisions.rule.unit.organisation" : "forums.decisions.rule.unit.person")];
  lines.push(
    eligible === undefined
      ? t("forums.decisions.rule.quorum", { percent: rule.quorumPercent })
      : t(unit === "organisation" ? "forums.decisions.rule.quorumOf.organisation" : "forums.decisions.rule.quorumOf.person", { percent: rule.quorumPercent, count: eligible }),
  );
  if (rule.options === "CONSENT") {
    lines.push(t("forums.decisions.rule.threshold.consent", { percent: rule.thresholdPercent }));
    lines.push(t(rule.blocksStop ? "forums.decisions.rule.blocksStop" : "forums.decisions.rule.blocksCount"));
  } else {
    lines.push(t("forums.decisions.rule.threshold.choice", { percent: rule.thresholdPercent }));
  }
  lines.push(t(rule.stakeholdersVote ? "forums.decisions.rule.stakeholdersVote" : "forums.decisions.rule.stakeholdersDoNot"));
  lines.push(t(rule.publicVotes ? "forums.decisions.rule.publicVotes" : "forums.decisions.rule.secretVotes"));
  return lines;
}

export function RuleSummary({ rule, eligible, heading }: { rule: RuleView; eligible?: number; heading: string }) {
  const t = useDecisionsT();
  return (
    <section aria-labelledby="rule-heading" className="decision-rule">
      <h2 id="rule-heading">{heading}</h2>
      <ul>
        {ruleSentences(t, rule, eligible).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}

/** The label of a vote value: consent's four are words of the catalogue, a choice is its own text. */
export function choiceLabel(t: DecisionsT, options: "CONSENT" | "CHOICE", value: string): string {
  if (value === "abstain") return t("forums.decisions.vote.abstain");
  if (options === "CONSENT") {
    if (value === "agree") return t("forums.decisions.vote.agree");
    if (value === "disagree") return t("forums.decisions.vote.disagree");
    if (value === "block") return t("forums.decisions.vote.block");
  }
  return value;
}

export function outcomeLabel(t: DecisionsT, outcome: string, choice?: string | null): string {
  switch (outcome) {
    case "ADOPTED":
      return t("forums.decisions.outcome.ADOPTED");
    case "REJECTED":
      return t("forums.decisions.outcome.REJECTED");
    case "BLOCKED":
      return t("forums.decisions.outcome.BLOCKED");
    case "NO_QUORUM":
      return t("forums.decisions.outcome.NO_QUORUM");
    case "CHOSEN":
      return t("forums.decisions.outcome.CHOSEN", { choice: choice ?? "" });
    default:
      return t("forums.decisions.outcome.NO_MAJORITY");
  }
}

/** A meeting's action points: what, who owns it, by when (the meeting page and the record). */
/**
 * A cell's column name, shown only where a `.stacked` table's rows become blocks (phones),
 * so each value is still named once the column headers are out of sight.
 */
export function StackedLabel({ children }: { children: string }) {
  return <span className="stacked__label">{`${children}: `}</span>;
}

/** Action points; on a phone each is a block (description, due date, owner), with no sideways scrolling. */
export function ActionPointsTable({ points, caption }: { points: readonly { id: string; description: string; owner: string; dueOn: string | null }[]; caption: string }) {
  const t = useDecisionsT();
  const locale = useLocale();
  const owner = t("forums.decisions.actionPoints.owner");
  const due = t("forums.decisions.actionPoints.due");
  return (
    <div className="stacked">
      <Table
        caption={caption}
        rows={[...points]}
        rowKey={(a) => a.id}
        empty={t("forums.decisions.actionPoints.none")}
        columns={[
          { header: t("forums.decisions.actionPoints.description"), cell: (a) => a.description },
          { header: due, cell: (a) => (a.dueOn ? <><StackedLabel>{due}</StackedLabel><span className="nowrap">{formatDate(a.dueOn, locale)}</span></> : "") },
          { header: owner, cell: (a) => <><StackedLabel>{owner}</StackedLabel>{a.owner}</> },
        ]}
      />
    </div>
  );
}
