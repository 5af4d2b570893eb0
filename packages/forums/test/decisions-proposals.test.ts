import { describe, expect, it } from "vitest";
import type { HarnessPerson, PluginHarness } from "@commons/plugin-sdk/testing";
import { defineModuleServer } from "@commons/plugin-sdk/server";
import forums from "../manifest.ts";
import server from "../server.ts";
import { action as tableAction, loader as newLoader } from "../routes/decisions/proposal-new.tsx";
import { action as voteAction, loader as proposalLoader } from "../routes/decisions/proposal.tsx";
import { acceptRules, addParticipant, createForum, type ForumFixture, useForumFixture } from "./helpers.ts";

let h: PluginHarness;
let f: ForumFixture;
useForumFixture((made) => ({ h, f } = made));

const HOUR = 3_600_000;

/** A proposal as tabling writes it, with the forum's default rule and the window given. */
async function proposal(
  forumId: string,
  rule: Partial<{ voteUnit: "ORGANISATION" | "PERSON"; options: "CONSENT" | "CHOICE"; choices: string[]; quorumPercent: number; thresholdPercent: number; stakeholdersVote: boolean; publicVotes: boolean }> = {},
  window: { opensAt?: Date; closesAt?: Date } = {},
) {
  return h.db((db) =>
    db.forumProposal.create({
      data: {
        tenantId: h.tenant.id,
        forumId,
        title: `Proposal ${Math.random().toString(36).slice(2, 8)}`,
        body: "We adopt the plan.",
        bodyHtml: "<p>We adopt the plan.</p>",
        authorId: f.alice.id,
        voteUnit: "ORGANISATION",
        options: "CONSENT",
        quorumPercent: 50,
        thresholdPercent: 50,
        blocksStop: true,
        stakeholdersVote: false,
        publicVotes: false,
        opensAt: window.opensAt ?? new Date(Date.now() - HOUR),
        closesAt: window.closesAt ?? new Date(Date.now() + 24 * HOUR),
        ...rule,
      },
      select: { id: true, closesAt: true },
    }),
  );
}

function vote(p: HarnessPerson, forumId: string, proposalId: string, choice: string) {
  return h.call(voteAction, { request: p.request(h.path(`${forumId}/proposals/${proposalId}`), { form: { intent: "vote", choice } }), params: { forumId, proposalId } });
}

function view(p: HarnessPerson, forumId: string, proposalId: string) {
  return h.call(proposalLoader, { request: p.request(h.path(`${forumId}/proposals/${proposalId}`)), params: { forumId, proposalId } });
}

type Failure = { ok: false; formError?: string; errors: Record<string, string> };

describe("tabling a proposal", () => {
  const url = () => h.path(`${f.forum.id}/proposals/new`);

  it("shows the forum's rule in plain words before tabling", async () => {
    const page = await h.call(newLoader, { request: f.alice.request(url()), params: { forumId: f.forum.id } });
    expect(page.status).toBe(200);
    // River Watch, Coast Alliance, and Upland Network through the moderator (in person).
    expect((page.data as { eligible: number }).eligible).toBe(3);
  });

  it("copies the forum's rule onto the proposal and renders its Markdown inert", async () => {
    await h.db((db) => db.forum.update({ where: { id: f.forum.id }, data: { quorumPercent: 60, thresholdPercent: 75, publicVotes: true } }));
    const closes = new Date(Date.now() + 3 * 24 * HOUR).toISOString().slice(0, 16);
    const r = await h.call(tableAction, {
      request: f.alice.request(url(), { form: { intent: "table", title: "Adopt the 2027 work plan", body: "We **adopt** it. <script>alert(1)</script>", options: "CONSENT", choices: "", opens: "now", opensAt: "", closesAt: closes } }),
      params: { forumId: f.forum.id },
    });
    expect(r.status).toBe(302);
    const id = r.headers.get("Location")!.split("/").pop()!;
    const row = await h.db((db) => db.forumProposal.findUniqueOrThrow({ where: { id }, select: { quorumPercent: true, thresholdPercent: true, publicVotes: true, voteUnit: true, bodyHtml: true, closesAt: true } }));
    expect(row).toMatchObject({ quorumPercent: 60, thresholdPercent: 75, publicVotes: true, voteUnit: "ORGANISATION" });
    expect(row.bodyHtml).toContain("<strong>adopt</strong>");
    expect(row.bodyHtml).not.toContain("<script");
    // The coalition's zone is UTC by default: the typed time is that instant.
    expect(row.closesAt.toISOString().slice(0, 16)).toBe(closes);
    await h.db((db) => db.forum.update({ where: { id: f.forum.id }, data: { quorumPercent: 50, thresholdPercent: 50, publicVotes: false } }));
  });

  it("refuses an empty title, a window closing in the past and a choice proposal without choices, keeping what was typed", async () => {
    const r = await h.call(tableAction, {
      request: f.alice.request(url(), { form: { intent: "table", title: " ", body: "Text", options: "CHOICE", choices: "Only one", opens: "now", opensAt: "", closesAt: "2020-01-01T10:00" } }),
      params: { forumId: f.forum.id },
    });
    expect(r.status).toBe(400);
    const data = r.data as Failure & { values: Record<string, string> };
    expect(Object.keys(data.errors).sort()).toEqual(["choices", "closesAt", "title"]);
    expect(data.values.body).toBe("Text");
  });

  it("lets only moderators and managers table where participants may not", async () => {
    await h.db((db) => db.forum.update({ where: { id: f.forum.id }, data: { participantsPropose: false } }));
    expect((await h.call(newLoader, { request: f.alice.request(url()), params: { forumId: f.forum.id } })).status).toBe(404);
    expect((await h.call(newLoader, { request: f.moderator.request(url()), params: { forumId: f.forum.id } })).status).toBe(200);
    expect((await h.call(newLoader, { request: f.secretariat.request(url()), params: { forumId: f.forum.id } })).status).toBe(200);
    await h.db((db) => db.forum.update({ where: { id: f.forum.id }, data: { participantsPropose: true } }));
  });
});

describe("voting", () => {
  it("takes a vote inside the window and shows only how many voted while votes are secret", async () => {
    const p = await proposal(f.forum.id);
    const r = await vote(f.alice, f.forum.id, p.id, "agree");
    expect(r.status).toBe(200);
    expect((r.data as { ok: boolean }).ok).toBe(true);
    const page = (await view(f.bea, f.forum.id, p.id)).data as { counts: unknown; cast: number; eligible: number; canVote: boolean };
    expect(page.counts).toBeNull();
    expect(page.cast).toBe(1);
    expect(page.eligible).toBe(3);
    expect(page.canVote).toBe(true);
  });

  it("refuses a second vote by the same person, and a second person of the same organisation, saying who voted", async () => {
    const p = await proposal(f.forum.id);
    expect((await vote(f.alice, f.forum.id, p.id, "agree")).status).toBe(200);
    const again = await vote(f.alice, f.forum.id, p.id, "disagree");
    expect(again.status).toBe(409);
    expect((again.data as Failure).formError).toMatch(/already voted/);
    const colleague = await vote(f.arturo, f.forum.id, p.id, "disagree");
    expect(colleague.status).toBe(409);
    expect((colleague.data as Failure).formError).toContain(f.alice.name);
    expect((colleague.data as Failure).formError).toMatch(/organisation has already voted/);
    const page = (await view(f.arturo, f.forum.id, p.id)).data as { myVote: { by: string; mine: boolean }; canVote: boolean };
    expect(page.myVote).toMatchObject({ by: f.alice.name, mine: false });
    expect(page.canVote).toBe(false);
    expect(await h.db((db) => db.forumVote.count({ where: { proposalId: p.id } }))).toBe(1);
  });

  it("counts twenty identical votes sent at once as one", async () => {
    const p = await proposal(f.forum.id);
    const results = await Promise.all(Array.from({ length: 20 }, () => vote(f.bea, f.forum.id, p.id, "agree")));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(await h.db((db) => db.forumVote.count({ where: { proposalId: p.id } }))).toBe(1);
  });

  it("lets both people of an organisation vote under one person, one vote", async () => {
    const p = await proposal(f.forum.id, { voteUnit: "PERSON", publicVotes: true });
    expect((await vote(f.alice, f.forum.id, p.id, "agree")).status).toBe(200);
    expect((await vote(f.arturo, f.forum.id, p.id, "disagree")).status).toBe(200);
    const page = (await view(f.alice, f.forum.id, p.id)).data as { counts: { value: string; votes: number }[]; voters: { name: string }[]; eligible: number };
    expect(page.counts.find((c) => c.value === "agree")?.votes).toBe(1);
    expect(page.counts.find((c) => c.value === "disagree")?.votes).toBe(1);
    expect(page.voters.map((v) => v.name).sort()).toEqual([f.alice.name, f.arturo.name].sort());
    // Alice, Arturo, Bea and the moderator; the stakeholder does not vote under this rule.
    expect(page.eligible).toBe(4);
  });

  it("lets a stakeholder vote only where the rule includes stakeholders", async () => {
    const without = await proposal(f.forum.id);
    const refused = await vote(f.stakeholder, f.forum.id, without.id, "agree");
    expect(refused.status).toBe(403);
    expect((refused.data as Failure).formError).toMatch(/Stakeholders do not vote/);
    const withThem = await proposal(f.forum.id, { stakeholdersVote: true });
    expect((await vote(f.stakeholder, f.forum.id, withThem.id, "agree")).status).toBe(200);
    expect(((await view(f.alice, f.forum.id, withThem.id)).data as { eligible: number }).eligible).toBe(4);
  });

  it("refuses votes before the window opens and after it closes, and values not on the ballot", async () => {
    const early = await proposal(f.forum.id, {}, { opensAt: new Date(Date.now() + HOUR), closesAt: new Date(Date.now() + 2 * HOUR) });
    const before = await vote(f.alice, f.forum.id, early.id, "agree");
    expect(before.status).toBe(409);
    expect((before.data as Failure).formError).toMatch(/not opened yet/);
    const late = await proposal(f.forum.id, {}, { opensAt: new Date(Date.now() - 2 * HOUR), closesAt: new Date(Date.now() - HOUR) });
    const after = await vote(f.alice, f.forum.id, late.id, "agree");
    expect(after.status).toBe(409);
    expect((after.data as Failure).formError).toMatch(/Voting closed/);
    const open = await proposal(f.forum.id);
    expect((await vote(f.alice, f.forum.id, open.id, "maybe")).status).toBe(400);
    expect(await h.db((db) => db.forumVote.count({ where: { proposalId: { in: [early.id, late.id, open.id] } } }))).toBe(0);
  });

  it("refuses votes in an archived forum, even on a proposal still open, and hides the vote form", async () => {
    const forum = await createForum(h, f.secretariat.id, { name: `Archived ${Date.now()}` });
    await addParticipant(h, forum.id, { organisationId: f.organisations.river.id });
    await acceptRules(h, forum.id, [f.alice.id]);
    const p = await proposal(forum.id);
    expect(((await view(f.alice, forum.id, p.id)).data as { canVote: boolean }).canVote).toBe(true);
    await h.db((db) => db.forum.update({ where: { id: forum.id }, data: { archivedAt: new Date() } }));
    const page = (await view(f.alice, forum.id, p.id)).data as { canVote: boolean; archived: boolean };
    expect(page).toMatchObject({ canVote: false, archived: true });
    const refused = await vote(f.alice, forum.id, p.id, "agree");
    expect(refused.status).toBe(409);
    expect((refused.data as Failure).formError).toMatch(/archived/);
    expect(await h.db((db) => db.forumVote.count({ where: { proposalId: p.id } }))).toBe(0);
  });

  it("keeps people outside the forum, and other coalitions, out", async () => {
    const p = await proposal(f.forum.id);
    expect((await view(f.outsider, f.forum.id, p.id)).status).toBe(404);
    expect((await vote(f.outsider, f.forum.id, p.id, "agree")).status).toBe(404);
    expect((await vote(f.otherStakeholder, f.forum.id, p.id, "agree")).status).toBe(404);
    // A participant of another forum, with this forum's proposal id in their own forum's URL.
    const other = await createForum(h, f.secretariat.id, { name: `Other forum ${Date.now()}` });
    const someone = await h.person({ organisation: `Elsewhere ${Date.now()}` });
    await addParticipant(h, other.id, { userId: someone.id });
    await acceptRules(h, other.id, [someone.id]);
    expect((await view(someone, other.id, p.id)).status).toBe(404);
    expect((await vote(someone, other.id, p.id, "agree")).status).toBe(404);
    const o = await h.otherTenant();
    const theirs = await o.person({ role: "SECRETARIAT_ADMIN" });
    const r = await h.call(proposalLoader, { request: theirs.request(o.path(`${f.forum.id}/proposals/${p.id}`)), params: { tenant: o.tenant.slug, forumId: f.forum.id, proposalId: p.id } });
    expect(r.status).toBe(404);
    expect(await h.db((db) => db.forumVote.count({ where: { proposalId: p.id } }))).toBe(0);
  });
});

describe("closing the vote", () => {
  it("decides once when the window has closed, records the counts and emits decision.recorded once", async () => {
    const forum = await createForum(h, f.secretariat.id, { name: `Closing ${Date.now()}` });
    await addParticipant(h, forum.id, { organisationId: f.organisations.river.id });
    await addParticipant(h, forum.id, { organisationId: f.organisations.coast.id });
    await acceptRules(h, forum.id, [f.alice.id, f.bea.id]);
    const p = await proposal(forum.id, { thresholdPercent: 50 }, { closesAt: new Date(Date.now() + HOUR) });
    expect((await vote(f.alice, forum.id, p.id, "agree")).status).toBe(200);
    expect((await vote(f.bea, forum.id, p.id, "disagree")).status).toBe(200);

    // Before the window closes, and while votes cast at its last moment may still be committing, the job leaves it open.
    await h.runJob("close-votes", { scheduledAt: new Date(p.closesAt.getTime() - 60_000) });
    await h.runJob("close-votes", { scheduledAt: new Date(p.closesAt.getTime() + 30_000) });
    expect((await h.db((db) => db.forumProposal.findUniqueOrThrow({ where: { id: p.id }, select: { status: true } }))).status).toBe("OPEN");

    const before = (await h.events("decision.recorded")).length;
    const at = new Date(p.closesAt.getTime() + 60_000);
    expect((await h.runJob("close-votes", { scheduledAt: at })).outcome).toBe("ran");
    await h.runJob("close-votes", { scheduledAt: new Date(at.getTime() + 5 * 60_000) });
    const row = await h.db((db) => db.forumProposal.findUniqueOrThrow({ where: { id: p.id }, select: { status: true, outcome: true, counts: true, eligibleCount: true, decidedAt: true } }));
    // 1 agree of 2 is exactly 50 %: adopted.
    expect(row).toMatchObject({ status: "DECIDED", outcome: "ADOPTED", eligibleCount: 2, counts: { votes: { agree: 1, disagree: 1 }, cast: 2, eligible: 2 } });
    expect(row.decidedAt?.toISOString()).toBe(at.toISOString());
    const events = (await h.events("decision.recorded")).filter((e) => (e.payload as { proposalId: string }).proposalId === p.id);
    expect(events).toHaveLength(1);
    expect((await h.events("decision.recorded")).length).toBe(before + 1);

    const mailbox = await h.mailbox();
    try {
      await h.dispatch(events[0]!.type, events[0]!.payload as Record<string, unknown>, { eventId: events[0]!.id });
      const mail = await mailbox.waitFor((m) => m.to.includes(f.bea.email) && m.subject.includes("Adopted"));
      expect(mail.text).toContain("2 votes cast of 2 eligible");
      await mailbox.waitFor((m) => m.to.includes(f.arturo.email));
      // Only the forum's people hear of it: not members outside it, not the coalition's other stakeholders.
      expect(mailbox.messages().some((m) => m.to.includes(f.outsider.email) || m.to.includes(f.otherStakeholder.email) || m.to.includes(f.moderator.email))).toBe(false);
    } finally {
      await mailbox.close();
    }

    const page = (await view(f.alice, forum.id, p.id)).data as { proposal: { outcome: string }; counts: { value: string; votes: number }[]; cast: number };
    expect(page.proposal.outcome).toBe("ADOPTED");
    expect(page.counts.find((c) => c.value === "agree")?.votes).toBe(1);
  });

  it("records a proposal without quorum as NO_QUORUM, not rejected", async () => {
    const p = await proposal(f.forum.id, { quorumPercent: 50 }, { closesAt: new Date(Date.now() + HOUR) });
    expect((await vote(f.alice, f.forum.id, p.id, "disagree")).status).toBe(200);
    await h.runJob("close-votes", { scheduledAt: new Date(p.closesAt.getTime() + 5 * 60_000) });
    const row = await h.db((db) => db.forumProposal.findUniqueOrThrow({ where: { id: p.id }, select: { outcome: true, eligibleCount: true } }));
    // 1 of 3 organisations voted.
    expect(row).toEqual({ outcome: "NO_QUORUM", eligibleCount: 3 });
  });

  it("decides only this coalition's proposals", async () => {
    const o = await h.otherTenant();
    const theirs = await o.db((db) =>
      db.forum.create({ data: { tenantId: o.tenant.id, name: `Theirs ${Date.now()}`, createdById: o.member.id }, select: { id: true } }),
    );
    const proposalOfTheirs = await o.db((db) =>
      db.forumProposal.create({
        data: { tenantId: o.tenant.id, forumId: theirs.id, title: "Theirs", body: "…", bodyHtml: "<p>…</p>", authorId: o.member.id, voteUnit: "PERSON", options: "CONSENT", quorumPercent: 50, thresholdPercent: 50, blocksStop: true, stakeholdersVote: false, publicVotes: false, opensAt: new Date(Date.now() - 3 * HOUR), closesAt: new Date(Date.now() - 2 * HOUR) },
        select: { id: true },
      }),
    );
    await h.runJob("close-votes");
    expect((await o.db((db) => db.forumProposal.findUniqueOrThrow({ where: { id: proposalOfTheirs.id }, select: { status: true } }))).status).toBe("OPEN");
  });

  it("is the server entry the manifest declares", () => {
    expect(defineModuleServer(forums, server)).toBe(server);
  });
});
