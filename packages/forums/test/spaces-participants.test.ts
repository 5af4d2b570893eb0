import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type Mailbox, type PluginHarness } from "@commons/plugin-sdk/testing";
import forums from "../manifest.ts";
import * as participants from "../routes/spaces/participants.tsx";
import * as rules from "../routes/spaces/rules.tsx";
import * as index from "../routes/spaces/index.tsx";
import { forumFixture, type ForumFixture } from "./helpers.ts";

useTestDatabase();
let h: PluginHarness;
let f: ForumFixture;
let mailbox: Mailbox;
beforeAll(async () => {
  h = await createPluginHarness(forums);
  f = await forumFixture(h);
  mailbox = await h.mailbox();
});
afterAll(() => h?.close());

const page = () => h.path(`${f.forum.id}/participants`);
const params = () => ({ forumId: f.forum.id });
type Page = { rows: { id: string; kind: string; name: string; detail: string; moderator: boolean; removed: boolean }[]; moderate: boolean; organisations: { id: string }[]; people: { userId: string }[]; pending: { email: string }[] };
const load = async (p: typeof f.alice, query = "") => h.call(participants.loader, { request: p.request(page() + query), params: params() });
const post = (p: typeof f.alice, form: Record<string, string | string[]>) => h.call(participants.action, { request: p.request(page(), { form }), params: params() });
const rules_ = (p: typeof f.alice) => h.call(rules.loader, { request: p.request(h.path(`${f.forum.id}/rules`)), params: params() });

describe("the participants page", () => {
  it("lists organisations, people with their role, and stakeholders with their affiliation, to every participant", async () => {
    const r = await load(f.alice);
    expect(r.status).toBe(200);
    const data = r.data as Page;
    expect(data.moderate).toBe(false);
    expect(data.rows.filter((x) => x.kind === "organisation").map((x) => x.name).sort()).toEqual([f.organisations.coast.name, f.organisations.river.name].sort());
    expect(data.rows.find((x) => x.kind === "person")).toMatchObject({ name: f.moderator.name, moderator: true, detail: f.organisations.upland.name });
    expect(data.rows.find((x) => x.kind === "stakeholder")).toMatchObject({ name: f.stakeholder.name, detail: "Department of Energy" });
    // Only moderators get the forms' lists.
    expect(data.organisations).toEqual([]);
    expect(data.people).toEqual([]);
  });

  it("refuses every change from a participant who is not a moderator", async () => {
    const r = await post(f.alice, { intent: "addOrganisations", organisationIds: [f.organisations.upland.id] });
    expect(r.status).toBe(403);
    const s = await post(f.stakeholder, { intent: "invite", email: "x@example.test", name: "X", kind: "company", affiliation: "X Corp" });
    expect(s.status).toBe(403);
  });

  it("answers 404 to people outside the forum and for another coalition's ids", async () => {
    expect((await load(f.outsider)).status).toBe(404);
    expect((await load(f.otherStakeholder)).status).toBe(404);
    const other = await h.otherTenant();
    const stranger = await other.person({ role: "SECRETARIAT_ADMIN" });
    expect((await h.call(participants.loader, { request: stranger.request(other.path(`${f.forum.id}/participants`)), params: { ...params(), tenant: other.tenant.slug } })).status).toBe(404);
    expect((await h.call(participants.action, { request: stranger.request(other.path(`${f.forum.id}/participants`), { form: { intent: "remove", participantId: f.forum.id, reason: "test" } }), params: { ...params(), tenant: other.tenant.slug } })).status).toBe(404);
    // A moderator here, with an organisation id of the other coalition: not found.
    const theirs = await other.db((db) => db.organisation.create({ data: { tenantId: other.tenant.id, name: "Theirs", type: "NGO", region: "Global" }, select: { id: true } }));
    expect((await post(f.moderator, { intent: "addOrganisations", organisationIds: [theirs.id] })).status).toBe(404);
    expect((await post(f.moderator, { intent: "addOrganisations", organisationIds: ["not-a-uuid"] })).status).toBe(404);
  });
});

describe("adding and removing participants", () => {
  it("lets a moderator find and add an organisation; its people are in at once", async () => {
    const found = (await load(f.moderator, `?oq=${encodeURIComponent("upland")}`)).data as Page;
    expect(found.organisations.map((o) => o.id)).toContain(f.organisations.upland.id);
    expect(found.organisations.map((o) => o.id)).not.toContain(f.organisations.river.id);
    expect((await load(f.outsider)).status).toBe(404);
    const r = await post(f.moderator, { intent: "addOrganisations", organisationIds: [f.organisations.upland.id] });
    expect(r.status).toBe(200);
    expect(r.data).toMatchObject({ ok: true, notice: "1 added." });
    expect((await rules_(f.outsider)).status).toBe(200);
    const entry = await h.db((db) => db.activity.findFirst({ where: { action: "forums.participant_added", subjectId: f.forum.id }, orderBy: { createdAt: "desc" } }));
    expect(entry).toMatchObject({ actorId: f.moderator.id, data: { name: f.organisations.upland.name } });
    // Its people are told where to start.
    const [event] = await h.events("forums.participants_added");
    expect(event?.payload).toEqual({ forumId: f.forum.id, userIds: [], organisationIds: [f.organisations.upland.id] });
    await h.dispatch(event!.type, event!.payload as Record<string, unknown>, { eventId: event!.id });
    const mail = await mailbox.waitFor((m) => m.to.includes(f.outsider.email));
    expect(mail.subject).toBe(`You can now take part in the forum “${f.forum.name}”`);
    expect(mail.text).toContain(`/forums/${f.forum.id}/rules`);
  });

  it("asks to tick something", async () => {
    const r = await post(f.moderator, { intent: "addPeople" });
    expect(r.status).toBe(400);
    expect((r.data as { errors: Record<string, string> }).errors.userIds).toBe("Tick at least one");
  });

  it("adds a member in person, makes them moderator and back, and refuses stakeholders as moderators", async () => {
    const newcomer = await h.person({ organisation: "Independent researchers", name: "Nadia Newcomer" });
    const found = (await load(f.secretariat, `?pq=${encodeURIComponent("nadia")}`)).data as Page;
    expect(found.people.map((p) => p.userId)).toEqual([newcomer.id]);
    // Someone already in through their organisation is not offered again.
    expect(((await load(f.secretariat, `?pq=${encodeURIComponent(f.alice.name)}`)).data as Page).people).toEqual([]);
    expect((await post(f.secretariat, { intent: "addPeople", userIds: [newcomer.id] })).status).toBe(200);
    const row = ((await load(f.secretariat)).data as Page).rows.find((x) => x.name === "Nadia Newcomer")!;
    expect((await post(f.secretariat, { intent: "moderator", participantId: row.id, on: "1" })).data).toMatchObject({ ok: true });
    expect(await h.db((db) => db.forumParticipant.findFirst({ where: { id: row.id }, select: { role: true } }))).toEqual({ role: "MODERATOR" });
    expect((await post(f.secretariat, { intent: "moderator", participantId: row.id, on: "0" })).data).toMatchObject({ ok: true });
    const stakeholderRow = ((await load(f.secretariat)).data as Page).rows.find((x) => x.kind === "stakeholder")!;
    expect((await post(f.secretariat, { intent: "moderator", participantId: stakeholderRow.id, on: "1" })).status).toBe(400);
    expect(await h.db((db) => db.activity.count({ where: { action: { in: ["forums.moderator_named", "forums.moderator_unnamed"] } } }))).toBe(2);
    // Stakeholders cannot be added as member people.
    expect((await post(f.secretariat, { intent: "addPeople", userIds: [f.otherStakeholder.id] })).status).toBe(404);
  });

  it("removes a person with a reason: they are emailed why, lose access, and it is in the activity record", async () => {
    const row = ((await load(f.moderator)).data as Page).rows.find((x) => x.kind === "stakeholder")!;
    const empty = await post(f.moderator, { intent: "remove", participantId: row.id, reason: " " });
    expect(empty.status).toBe(400);
    expect((empty.data as { errors: Record<string, string> }).errors.reason).toBe("Write the reason they will be told (at least 3 characters)");
    const r = await post(f.moderator, { intent: "remove", participantId: row.id, reason: "Repeated personal attacks on members." });
    expect(r.data).toMatchObject({ ok: true });
    expect((await rules_(f.stakeholder)).status).toBe(404);
    const [event] = await h.events("forums.participant_removed");
    expect(event?.payload).toEqual({ forumId: f.forum.id, participantId: row.id });
    await h.dispatch(event!.type, event!.payload as Record<string, unknown>, { eventId: event!.id });
    const mail = await mailbox.waitFor((m) => m.to.includes(f.stakeholder.email));
    expect(mail.subject).toBe(`You were removed from the forum “${f.forum.name}”`);
    expect(mail.text).toContain("Repeated personal attacks on members.");
    const entry = await h.db((db) => db.activity.findFirst({ where: { action: "forums.participant_removed" } }));
    expect(entry).toMatchObject({ actorId: f.moderator.id, subjectId: f.forum.id, data: { name: f.stakeholder.name, reason: "Repeated personal attacks on members." } });
    // Removed rows show to moderators only; restoring lets them back.
    expect(((await load(f.alice)).data as Page).rows.some((x) => x.id === row.id)).toBe(false);
    expect((await post(f.moderator, { intent: "remove", participantId: row.id, reason: "Again" })).status).toBe(409);
    expect((await post(f.moderator, { intent: "restore", participantId: row.id })).data).toMatchObject({ ok: true });
    expect((await rules_(f.stakeholder)).status).toBe(200);
  });

  it("removes an organisation and emails each of its people; a moderator may not remove a moderator or themselves", async () => {
    const rows = ((await load(f.secretariat)).data as Page).rows;
    const coast = rows.find((x) => x.name === f.organisations.coast.name)!;
    expect((await post(f.moderator, { intent: "remove", participantId: coast.id, reason: "The organisation left the process." })).data).toMatchObject({ ok: true });
    expect((await rules_(f.bea)).status).toBe(404);
    const events = await h.events("forums.participant_removed");
    const event = events.at(-1)!;
    await h.dispatch(event.type, event.payload as Record<string, unknown>, { eventId: event.id });
    await mailbox.waitFor((m) => m.to.includes(f.bea.email) && m.text.includes("The organisation left the process."));
    const self = rows.find((x) => x.name === f.moderator.name)!;
    expect((await post(f.moderator, { intent: "remove", participantId: self.id, reason: "Stepping down" })).status).toBe(403);
  });
});

describe("removing one person of a participant organisation", () => {
  it("keeps them out while their organisation stays in, and refuses people who are not in the forum", async () => {
    const confirm = (await load(f.moderator, `?removePerson=${f.arturo.id}`)).data as { removing: { userId: string; name: string } | null };
    expect(confirm.removing).toMatchObject({ userId: f.arturo.id, name: f.arturo.name });
    const r = await post(f.moderator, { intent: "remove", userId: f.arturo.id, reason: "Posted the members' contacts publicly." });
    expect(r.data).toMatchObject({ ok: true });
    expect((await rules_(f.arturo)).status).toBe(404);
    expect((await rules_(f.alice)).status).toBe(200);
    const stranger = await h.person({ organisation: "Somewhere else" });
    expect((await post(f.moderator, { intent: "remove", userId: stranger.id, reason: "Not in the forum" })).status).toBe(404);
    expect(((await load(f.moderator, `?removePerson=${stranger.id}`)).data as { removing: unknown }).removing).toBeNull();
  });
});

describe("inviting a stakeholder by email", () => {
  it("checks the address, name and affiliation", async () => {
    const r = await post(f.secretariat, { intent: "invite", email: "not an email", name: "", kind: "spy", affiliation: "" });
    expect(r.status).toBe(400);
    expect((r.data as { errors: Record<string, string> }).errors).toMatchObject({
      email: "Enter an email address, like name@example.org",
      name: "Enter their name",
      kind: "Choose one of the options",
      affiliation: "Enter the office, company or community they speak for",
    });
  });

  it("refuses a member of the coalition (they are added as people)", async () => {
    const r = await post(f.secretariat, { intent: "invite", email: f.outsider.email, name: "Otto", kind: "company", affiliation: "Otto Corp" });
    expect((r.data as { errors: Record<string, string> }).errors.email).toContain("is a member of the coalition");
  });

  it("invites someone new through the core invitation; when they accept, they land in the forum", async () => {
    const email = "ana.reyes@mgb.example.gov";
    const r = await post(f.secretariat, { intent: "invite", email: "Ana.Reyes@MGB.example.gov ", name: "Ana Reyes", kind: "government", affiliation: "Mines and Geosciences Bureau" });
    expect(r.data).toMatchObject({ ok: true });
    const invitation = await h.db((db) => db.invitation.findFirstOrThrow({ where: { email }, select: { id: true, role: true, organisationId: true, createdAt: true } }));
    expect(invitation).toMatchObject({ role: "STAKEHOLDER", organisationId: null });
    expect((await h.events("invitation.created")).some((e) => (e.payload as { invitationId: string }).invitationId === invitation.id)).toBe(true);
    // Beside the core invitation's link, the module's own email names the forum and its purpose.
    const invited = (await h.events("forums.stakeholder_invited")).find((e) => (e.payload as { email: string }).email === email)!;
    expect(invited.payload).toEqual({ forumId: f.forum.id, email });
    await h.dispatch(invited.type, invited.payload as Record<string, unknown>, { eventId: invited.id });
    const mail = await mailbox.waitFor((m) => m.to.includes(email));
    expect(mail.subject).toContain(f.forum.name);
    expect(mail.text).toContain("Where members and stakeholders agree on the work.");
    expect(mail.text).toContain(`/forums`);
    expect(((await load(f.secretariat)).data as Page).pending).toEqual([expect.objectContaining({ email, name: "Ana Reyes", affiliation: "Government office: Mines and Geosciences Bureau" })]);

    // She accepts (what the portal's join page does), and the core records person.joined.
    const ana = await h.person({ role: "STAKEHOLDER", email, name: "Ana Reyes" });
    await h.db((db) => db.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } }));
    const membership = await h.db((db) => db.membership.findFirstOrThrow({ where: { userId: ana.id }, select: { id: true } }));
    const joined = await h.dispatch("person.joined", { userId: ana.id, membershipId: membership.id });
    expect(joined.outcome).toBe("ran");
    const row = await h.db((db) => db.forumParticipant.findFirst({ where: { forumId: f.forum.id, userId: ana.id }, select: { affiliation: true, removedAt: true } }));
    expect(row).toEqual({ affiliation: "Government office: Mines and Geosciences Bureau", removedAt: null });
    expect((await rules_(ana)).status).toBe(200);
    expect(((await load(f.secretariat)).data as Page).pending).toEqual([]);
  });

  it("puts a stakeholder who has just joined in their forum when they open the forums list, before the worker does", async () => {
    const email = "marco.diaz@nickel.example.com";
    await post(f.secretariat, { intent: "invite", email, name: "Marco Diaz", kind: "company", affiliation: "Nickel Co" });
    const invitation = await h.db((db) => db.invitation.findFirstOrThrow({ where: { email }, select: { id: true } }));
    const marco = await h.person({ role: "STAKEHOLDER", email, name: "Marco Diaz" });
    await h.db((db) => db.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } }));
    const list = await h.call(index.loader, { request: marco.request(h.path()) });
    expect((list.data as { forums: { id: string }[] }).forums.map((x) => x.id)).toEqual([f.forum.id]);
    // The worker's person.joined then finds nothing left to do.
    const membership = await h.db((db) => db.membership.findFirstOrThrow({ where: { userId: marco.id }, select: { id: true } }));
    await h.dispatch("person.joined", { userId: marco.id, membershipId: membership.id });
    expect(await h.db((db) => db.forumParticipant.count({ where: { userId: marco.id } }))).toBe(1);
  });

  it("adds a stakeholder who already has a membership at once", async () => {
    const r = await post(f.secretariat, { intent: "invite", email: f.otherStakeholder.email, name: "Oscar", kind: "company", affiliation: "Oscar Mining Co" });
    expect(r.data).toMatchObject({ ok: true, notice: "Oscar already has an account as a stakeholder and was added to the forum." });
    expect((await rules_(f.otherStakeholder)).status).toBe(200);
    const again = await post(f.secretariat, { intent: "invite", email: f.otherStakeholder.email, name: "Oscar", kind: "company", affiliation: "Oscar Mining Co" });
    expect((again.data as { errors: Record<string, string> }).errors.email).toBe("This stakeholder already takes part in the forum");
  });
});
