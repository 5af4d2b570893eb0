import { z } from "zod";
import type { ModuleServer } from "@commons/plugin-sdk/server";
import { EVENTS } from "../constants.ts";
import type { settings } from "../settings.ts";
import { CLOSE_VOTES_JOB, closeVotes } from "./close-votes.server.ts";
import { forumPeople } from "./electorate.server.ts";

export const DECISION_EMAIL = "decision-recorded";

const recorded = z.object({ proposalId: z.uuid() });

/**
 * The decisions area's part of the module's server entry: the close-votes job decides
 * proposals whose window has closed, and the decision.recorded subscriber emails the forum's
 * people the outcome (in their language; recipients as the forum has them when it runs).
 */
export const decisionsServer: Pick<ModuleServer<typeof settings>, "subscribers" | "emails" | "jobs"> = {
  subscribers: {
    [EVENTS.decisionRecorded]: async (event, { db, email, moduleUrl }) => {
      const { proposalId } = recorded.parse(event.payload);
      const proposal = await db.forumProposal.findFirst({
        where: { id: proposalId, status: "DECIDED" },
        select: { id: true, forumId: true, title: true, outcome: true, outcomeChoice: true, eligibleCount: true, counts: true, forum: { select: { name: true } } },
      });
      if (!proposal?.outcome) return;
      const cast = Number((proposal.counts as { cast?: unknown }).cast ?? 0);
      const data = {
        forum: proposal.forum.name,
        title: proposal.title,
        outcome: proposal.outcome,
        choice: proposal.outcomeChoice ?? "",
        cast,
        eligible: proposal.eligibleCount ?? 0,
        url: moduleUrl(`${proposal.forumId}/proposals/${proposal.id}`),
      };
      for (const person of await forumPeople(db, proposal.forumId)) await email(person.userId, DECISION_EMAIL, data);
    },
  },
  emails: {
    [DECISION_EMAIL]: (data, t) => {
      const outcome = t(`forums.decisions.outcome.${String(data.outcome)}`, { choice: data.choice ?? "" });
      return { subject: t("forums.decisions.mail.recorded.subject", { ...data, outcome }), text: t("forums.decisions.mail.recorded.text", { ...data, outcome }) };
    },
  },
  jobs: {
    [CLOSE_VOTES_JOB]: closeVotes,
  },
};
