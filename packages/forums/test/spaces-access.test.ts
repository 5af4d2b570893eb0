import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import forums from "../manifest.ts";
import { PERMISSIONS } from "../src/constants.ts";
import { forumForPerson, participantsOf, type Ctx } from "../src/access.server.ts";
import { addParticipant, createForum, forumFixture, type ForumFixture } from "./helpers.ts";

useTestDatabase();
let h: PluginHarness;
let f: ForumFixture;
beforeAll(async () => {
  h = await createPluginHarness(forums);
  f = await forumFixture(h);
});
afterAll(() => h?.close());

/** forumForPerson as a route calls it: the person's membership, and what their role holds. */
async function entryFor(p: HarnessPerson, forumId: string) {
  return h.db(async (db) => {
    const m = await db.membership.findFirstOrThrow({ where: { userId: p.id }, select: { role: true, organisationId: true } });
    const can = (permission: string) => permission === PERMISSIONS.manage && (m.role === "SECRETARIAT_ADMIN" || m.role === "SECRETARIAT_STAFF");
    const person = { id: p.id, name: p.name, email: p.email, locale: "en", role: m.role, organisationId: m.organisationId } as Ctx["person"];
    return forumForPerson({ db, person, can }, forumId);
  });
}

describe("who may enter a forum", () => {
  it("admits the secretariat as managers, participants through their organisation, moderators and stakeholders in person", async () => {
    expect((await entryFor(f.secretariat, f.forum.id))?.standing).toBe("manager");
    expect((await entryFor(f.alice, f.forum.id))?.standing).toBe("participant");
    expect((await entryFor(f.bea, f.forum.id))?.standing).toBe("participant");
    expect((await entryFor(f.moderator, f.forum.id))?.standing).toBe("moderator");
    const stakeholder = await entryFor(f.stakeholder, f.forum.id);
    expect(stakeholder).toMatchObject({ standing: "participant", stakeholder: true, canModerate: false, mustAcceptRules: false });
  });

  it("keeps out members whose organisation is not in, stakeholders not invited, and malformed ids", async () => {
    expect(await entryFor(f.outsider, f.forum.id)).toBeNull();
    expect(await entryFor(f.otherStakeholder, f.forum.id)).toBeNull();
    expect(await entryFor(f.alice, "not-a-uuid")).toBeNull();
    expect(await entryFor(f.alice, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("admits every member to an OPEN forum, but no stakeholder who is not a participant", async () => {
    const open = await createForum(h, f.secretariat.id, { access: "OPEN" });
    expect((await entryFor(f.outsider, open.id))?.standing).toBe("participant");
    expect(await entryFor(f.otherStakeholder, open.id)).toBeNull();
  });

  it("keeps out a person removed in person, even though their organisation is in", async () => {
    const forum = await createForum(h, f.secretariat.id);
    await addParticipant(h, forum.id, { organisationId: f.organisations.river.id });
    expect(await entryFor(f.arturo, forum.id)).not.toBeNull();
    await h.db((db) => db.forumParticipant.create({ data: { tenantId: h.tenant.id, forumId: forum.id, userId: f.arturo.id, removedAt: new Date(), removedReason: "Spam" } }));
    expect(await entryFor(f.arturo, forum.id)).toBeNull();
  });
});

describe("participantsOf", () => {
  it("expands organisations to their people, flags stakeholders and moderators, and leaves out everyone else", async () => {
    const people = await h.db((db) => participantsOf(db, f.forum.id));
    const byId = new Map(people.map((p) => [p.userId, p]));
    expect(new Set(byId.keys())).toEqual(new Set(f.inForum.map((p) => p.id)));
    expect(byId.get(f.stakeholder.id)).toMatchObject({ stakeholder: true, affiliation: "Department of Energy", organisationId: null, through: "person" });
    expect(byId.get(f.moderator.id)).toMatchObject({ moderator: true, through: "person" });
    expect(byId.get(f.alice.id)).toMatchObject({ stakeholder: false, organisationId: f.organisations.river.id, through: "organisation" });
  });
});
