import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import forums from "../manifest.ts";
import Index, * as index from "../routes/spaces/index.tsx";
import NewForum, * as newForum from "../routes/spaces/new.tsx";
import Settings, * as settings from "../routes/spaces/settings.tsx";
import Rules, * as rules from "../routes/spaces/rules.tsx";
import Participants, * as participants from "../routes/spaces/participants.tsx";
import { forumFixture, type ForumFixture, renderPage } from "./helpers.ts";

useTestDatabase();
let h: PluginHarness;
let f: ForumFixture;
beforeAll(async () => {
  h = await createPluginHarness(forums);
  f = await forumFixture(h);
  await h.db((db) => db.forum.update({ where: { id: f.forum.id }, data: { rules: "## Respect\n<script>alert(1)</script>\n[site](javascript:alert(1))", rulesVersion: 2 } }));
});
afterAll(() => h?.close());

async function load(loader: (args: never) => Promise<unknown>, p: HarnessPerson, url: string, params: Record<string, string> = {}) {
  const r = await h.call(loader as never, { request: p.request(url), params });
  expect(r.status).toBe(200);
  return r.data;
}

function wellFormed(html: string) {
  expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
  // Every string came from the catalogue.
  expect(html).not.toMatch(/forums\.(spaces|nav|permission)\./);
}

describe("the spaces pages render", () => {
  it("the index, with the new-forum link for the secretariat", async () => {
    const html = renderPage(Index, await load(index.loader, f.secretariat, h.path()));
    wellFormed(html);
    expect(html).toContain("New forum");
    expect(html).toContain(f.forum.name);
  });

  it("the new forum form, and its errors next to the fields", async () => {
    wellFormed(renderPage(NewForum, await load(newForum.loader, f.secretariat, h.path("new"))));
    const failed = await h.call(newForum.action as never, { request: f.secretariat.request(h.path("new"), { form: { intent: "save", name: "", access: "OPEN", proposers: "participants", voteUnit: "PERSON", quorumPercent: "x", thresholdPercent: "50", votingDays: "7", purpose: "kept" } }) });
    const html = renderPage(NewForum, await load(newForum.loader, f.secretariat, h.path("new")), failed.data);
    expect(html).toContain("Enter the forum&#x27;s name");
    expect(html).toContain("Quorum (percent): enter a whole number from 0 to 100");
    expect(html).toContain(">kept</textarea>");
  });

  it("the settings with the tab bar, settings current", async () => {
    const html = renderPage(Settings, await load(settings.loader, f.secretariat, h.path(`${f.forum.id}/settings`), { forumId: f.forum.id }));
    wellFormed(html);
    expect(html).toMatch(/<nav aria-label="[^"]+: pages"/);
    expect(html).toMatch(/aria-current="page"[^>]*>Settings</);
    expect(html).toContain("How the forum decides");
  });

  it("the rules, with scripts inert, the accept button for the changed rules, and the decision rule in words", async () => {
    const html = renderPage(Rules, await load(rules.loader, f.alice, h.path(`${f.forum.id}/rules`), { forumId: f.forum.id }));
    wellFormed(html);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("javascript:");
    expect(html).toContain("I accept these rules");
    expect(html).toContain("have changed since you accepted them");
    expect(html).toContain("Each organisation has one vote");
    // The button comes after everything the person accepts: the rules and how the forum decides.
    expect(html.indexOf("I accept these rules")).toBeGreaterThan(html.indexOf("Each organisation has one vote"));
    // No Settings tab for a participant.
    expect(html).not.toContain(">Settings<");
  });

  it("the participants page for a moderator, with the removal form and the pickers", async () => {
    await h.db((db) => db.forumRulesAcceptance.updateMany({ where: { forumId: f.forum.id }, data: { rulesVersion: 2 } }));
    const rowId = (await h.db((db) => db.forumParticipant.findFirstOrThrow({ where: { forumId: f.forum.id, userId: f.stakeholder.id }, select: { id: true } }))).id;
    const html = renderPage(Participants, await load(participants.loader, f.moderator, h.path(`${f.forum.id}/participants?remove=${rowId}`), { forumId: f.forum.id }));
    wellFormed(html);
    expect(html).toContain(`Remove ${f.stakeholder.name} from the forum`);
    expect(html).toContain("Department of Energy");
    expect(html).toContain("Invite a stakeholder");
    expect(html).toContain(f.organisations.upland.name);
    const plain = renderPage(Participants, await load(participants.loader, f.alice, h.path(`${f.forum.id}/participants`), { forumId: f.forum.id }));
    wellFormed(plain);
    expect(plain).not.toContain("Invite a stakeholder");
  });
});
