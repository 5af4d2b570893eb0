import { describe, expect, it } from "vitest";
import { defineModuleServer } from "@commons/plugin-sdk/server";
import type { PluginHarness } from "@commons/plugin-sdk/testing";
import forums from "../manifest.ts";
import server from "../server.ts";
import * as index from "../routes/spaces/index.tsx";
import * as newForum from "../routes/spaces/new.tsx";
import * as settingsPage from "../routes/spaces/settings.tsx";
import * as rules from "../routes/spaces/rules.tsx";
import * as participants from "../routes/spaces/participants.tsx";
import { createForum, FIXTURE_RULES, forumFixture, type ForumFixture, useForumFixture } from "./helpers.ts";

let h: PluginHarness;
let f: ForumFixture;
useForumFixture((made) => ({ h, f } = made));

const settingsForm = (over: Record<string, string> = {}) => ({
  intent: "save",
  name: `Mining dialogue ${Math.random().toString(36).slice(2, 8)}`,
  purpose: "Agree on disclosure of mining contracts.",
  rules: "Be brief.\r\nSpeak for your organisation.",
  access: "INVITATION",
  publicRecord: "on",
  proposers: "participants",
  voteUnit: "ORGANISATION",
  quorumPercent: "50",
  thresholdPercent: "67",
  blocksStop: "on",
  votingDays: "7",
  ...over,
});

it("the server entry matches the manifest", () => {
  expect(defineModuleServer(forums, server)).toBe(server);
});

describe("creating a forum", () => {
  it("creates it with its decision rule, records it, and goes on to its participants", async () => {
    const form = settingsForm({ stakeholdersVote: "on", voteUnit: "PERSON" });
    const r = await h.call(newForum.action, { request: f.secretariat.request(h.path("new"), { form }) });
    expect(r.status).toBe(302);
    const forum = await h.db((db) => db.forum.findFirstOrThrow({ where: { name: form.name } }));
    expect(r.headers.get("Location")).toBe(h.path(`${forum.id}/participants`));
    expect(forum).toMatchObject({ rules: "Be brief.\nSpeak for your organisation.", publicRecord: true, voteUnit: "PERSON", thresholdPercent: 67, stakeholdersVote: true, publicVotes: false, rulesVersion: 1 });
    const activity = await h.db((db) => db.activity.findFirst({ where: { action: "forums.forum_created", subjectId: forum.id } }));
    expect(activity?.actorId).toBe(f.secretariat.id);
    // The one who wrote the rules goes straight on to the participants page.
    expect((await h.call(participants.loader, { request: f.secretariat.request(h.path(`${forum.id}/participants`)), params: { forumId: forum.id } })).status).toBe(200);
  });

  it.each([
    [{ name: "  " }, "name", "Enter the forum's name"],
    [{ name: "x".repeat(121) }, "name", "Use at most 120 characters"],
    [{ quorumPercent: "150" }, "quorumPercent", "Quorum (percent): enter a whole number from 0 to 100"],
    [{ thresholdPercent: "abc" }, "thresholdPercent", "Threshold to adopt (percent): enter a whole number from 1 to 100"],
    [{ votingDays: "0" }, "votingDays", "Voting window (days): enter a whole number from 1 to 60"],
    [{ access: "PUBLIC" }, "access", "Choose one of the options"],
    [{ rules: "r".repeat(20_001) }, "rules", "Use at most 20000 characters"],
  ])("refuses %o with a message next to the field and keeps what was typed", async (over, field, message) => {
    const form = settingsForm(over);
    const before = await h.db((db) => db.forum.count());
    const r = await h.call(newForum.action, { request: f.secretariat.request(h.path("new"), { form }) });
    expect(r.status).toBe(400);
    const data = r.data as { errors: Record<string, string>; values: Record<string, string> };
    expect(data.errors[field]).toBe(message);
    expect(data.values.purpose).toBe(form.purpose);
    expect(await h.db((db) => db.forum.count())).toBe(before);
  });

  it("refuses a name another forum has (in any case)", async () => {
    const r = await h.call(newForum.action, { request: f.secretariat.request(h.path("new"), { form: settingsForm({ name: f.forum.name.toUpperCase() }) }) });
    expect(r.status).toBe(400);
    expect((r.data as { errors: Record<string, string> }).errors.name).toBe("Another forum of this coalition has this name");
  });

  it("is for the secretariat only", async () => {
    for (const p of [f.alice, f.moderator, f.stakeholder]) {
      expect((await h.call(newForum.loader, { request: p.request(h.path("new")) })).status).toBe(404);
      expect((await h.call(newForum.action, { request: p.request(h.path("new"), { form: settingsForm() }) })).status).toBe(404);
      expect((await h.call(settingsPage.loader, { request: p.request(h.path(`${f.forum.id}/settings`)), params: { forumId: f.forum.id } })).status).toBe(404);
    }
  });
});

describe("the rules gate", () => {
  it("sends a participant to the rules first, lets them accept, and asks again after the rules change", async () => {
    const fx = await forumFixture(h, { acceptRules: false });
    const params = { forumId: fx.forum.id };
    const gated = await h.call(participants.loader, { request: fx.alice.request(h.path(`${fx.forum.id}/participants`)), params });
    expect(gated.status).toBe(302);
    expect(gated.headers.get("Location")).toBe(h.path(`${fx.forum.id}/rules?next=${encodeURIComponent(`/c/${h.tenant.slug}/forums/${fx.forum.id}/participants`)}`));

    const page = await h.call(rules.loader, { request: fx.alice.request(h.path(`${fx.forum.id}/rules`)), params });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ mustAccept: true, changedSince: false });
    expect((page.data as { rulesHtml: string }).rulesHtml).toContain("<li>Speak for your organisation.</li>");

    const accept = await h.call(rules.action, {
      request: fx.alice.request(h.path(`${fx.forum.id}/rules`), { form: { intent: "accept", rulesVersion: "1", next: `/c/${h.tenant.slug}/forums/${fx.forum.id}/participants` } }),
      params,
    });
    expect(accept.status).toBe(302);
    expect(accept.headers.get("Location")).toBe(`/c/${h.tenant.slug}/forums/${fx.forum.id}/participants`);
    expect((await h.call(participants.loader, { request: fx.alice.request(h.path(`${fx.forum.id}/participants`)), params })).status).toBe(200);

    // The secretariat changes the rules: Alice accepts again.
    const values = settingsForm({ name: fx.forum.name, rules: `${FIXTURE_RULES}\n3. Be on time.` });
    const saved = await h.call(settingsPage.action, { request: fx.secretariat.request(h.path(`${fx.forum.id}/settings`), { form: values }), params });
    expect(saved.status).toBe(200);
    expect(await h.db((db) => db.forum.findFirstOrThrow({ where: { id: fx.forum.id }, select: { rulesVersion: true } }))).toEqual({ rulesVersion: 2 });
    expect((await h.call(participants.loader, { request: fx.alice.request(h.path(`${fx.forum.id}/participants`)), params })).status).toBe(302);
    expect((await h.call(rules.loader, { request: fx.alice.request(h.path(`${fx.forum.id}/rules`)), params })).data).toMatchObject({ mustAccept: true, changedSince: true });
    // Saving the same rules again asks nothing new.
    await h.call(settingsPage.action, { request: fx.secretariat.request(h.path(`${fx.forum.id}/settings`), { form: values }), params });
    expect(await h.db((db) => db.forum.findFirstOrThrow({ where: { id: fx.forum.id }, select: { rulesVersion: true } }))).toEqual({ rulesVersion: 2 });
  });

  it("refuses an acceptance of rules that changed meanwhile, and a next page outside the forum", async () => {
    const fx = await forumFixture(h, { acceptRules: false });
    const params = { forumId: fx.forum.id };
    const stale = await h.call(rules.action, { request: fx.bea.request(h.path(`${fx.forum.id}/rules`), { form: { intent: "accept", rulesVersion: "0" } }), params });
    expect(stale.headers.get("Location")).toBe(h.path(`${fx.forum.id}/rules`));
    expect(await h.db((db) => db.forumRulesAcceptance.count({ where: { forumId: fx.forum.id, userId: fx.bea.id } }))).toBe(0);
    const away = await h.call(rules.action, { request: fx.bea.request(h.path(`${fx.forum.id}/rules`), { form: { intent: "accept", rulesVersion: "1", next: "https://evil.example/" } }), params });
    expect(away.headers.get("Location")).toBe(`/c/${h.tenant.slug}/forums/${fx.forum.id}`);
  });
});

describe("archiving", () => {
  it("archives and reopens a forum, recorded; only the secretariat may", async () => {
    const fx = await forumFixture(h);
    const params = { forumId: fx.forum.id };
    const url = h.path(`${fx.forum.id}/settings`);
    expect((await h.call(settingsPage.action, { request: fx.moderator.request(url, { form: { intent: "archive" } }), params })).status).toBe(404);
    const archived = await h.call(settingsPage.action, { request: fx.secretariat.request(url, { form: { intent: "archive" } }), params });
    expect(archived.data).toMatchObject({ ok: true, notice: "The forum is archived." });
    expect((await h.db((db) => db.forum.findFirstOrThrow({ where: { id: fx.forum.id }, select: { archivedAt: true } }))).archivedAt).not.toBeNull();
    // Still readable by its participants.
    expect((await h.call(rules.loader, { request: fx.alice.request(h.path(`${fx.forum.id}/rules`)), params })).status).toBe(200);
    await h.call(settingsPage.action, { request: fx.secretariat.request(url, { form: { intent: "reopen" } }), params });
    expect((await h.db((db) => db.forum.findFirstOrThrow({ where: { id: fx.forum.id }, select: { archivedAt: true } }))).archivedAt).toBeNull();
    expect(await h.db((db) => db.activity.count({ where: { subjectId: fx.forum.id, action: { in: ["forums.forum_archived", "forums.forum_reopened"] } } }))).toBe(2);
  });
});

describe("the forums index", () => {
  it("lists the forums each person is in: everything for the secretariat, only theirs for a stakeholder", async () => {
    const open = await createForum(h, f.secretariat.id, { access: "OPEN", name: `Open forum ${Date.now()}` });
    const names = async (p: typeof f.alice) => ((await h.call(index.loader, { request: p.request(h.path()) })).data as { forums: { name: string }[] }).forums.map((x) => x.name);
    expect(await names(f.secretariat)).toEqual(expect.arrayContaining([f.forum.name, open.name]));
    expect(await names(f.alice)).toEqual(expect.arrayContaining([f.forum.name, open.name]));
    expect(await names(f.outsider)).toContain(open.name);
    expect(await names(f.outsider)).not.toContain(f.forum.name);
    expect(await names(f.stakeholder)).toEqual([f.forum.name]);
    expect(await names(f.otherStakeholder)).toEqual([]);
  });
});
