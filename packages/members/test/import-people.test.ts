import { afterAll, beforeAll, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type OtherTenant, type PluginHarness } from "@commons/plugin-sdk/testing";
import members from "../manifest.ts";
import { csv, importNow, preview, previewData, uploaded } from "./import-helpers.ts";

useTestDatabase();

let h: PluginHarness;
let admin: HarnessPerson;
let existing: HarnessPerson;
let other: OtherTenant;
let outsider: HarnessPerson;

beforeAll(async () => {
  h = await createPluginHarness(members);
  admin = await h.person({ role: "SECRETARIAT_ADMIN" });
  existing = await h.person({ role: "MEMBER", organisation: "Kalikasan Alliance", email: "ana@kalikasan.example" });
  await h.person({ role: "MEMBER", organisation: "Lumad Mindanaw" });
  other = await h.otherTenant();
  // Someone with an account in another coalition only: invited here, never updated here.
  outsider = await other.person({ role: "MEMBER", email: "ben@elsewhere.example" });
});

afterAll(() => h?.close());

const PEOPLE = csv([
  "Full name,Email address,Organisation,Role,Position",
  "Ana Reyes,ANA@kalikasan.example,Lumad Mindanaw,,Coordinator",
  "Ben Cruz,ben@elsewhere.example,Kalikasan Alliance,Focal point,Director",
  "Carla Diaz,carla@new.example,,member,",
  "Dan Uy,dan@new.example,Nowhere Org,Member,",
  "Eve Tan,not-an-email,Kalikasan Alliance,Member,",
  "Fe Go,fe@new.example,,Chairperson,",
  "Gil Sy,gil@new.example,,Focal point,",
  "Carla Again,carla@new.example,,Member,",
]);

it("checks people: existing members are updated, others invited, bad rows explained", async () => {
  const id = await uploaded(h, admin, { name: "people.csv", content: PEOPLE }, "people");
  const data = await previewData(h, admin, id);
  expect(data.preview!.mapping).toEqual({ name: 0, email: 1, organisation: 2, role: 3, title: 4 });
  const rows = data.preview!.rows;
  expect(rows.map((r) => [r.row, r.state, r.problems.map((p) => p.key)])).toEqual([
    [2, "update", []],
    [3, "new", []],
    [4, "new", []],
    [5, "error", ["organisationUnknown"]],
    [6, "error", ["emailBad"]],
    [7, "error", ["roleBad"]],
    [8, "error", ["focalPointNeedsOrganisation"]],
    [9, "error", ["duplicateEmail"]],
  ]);

  const r = await importNow(h, admin, id);
  expect(r.status).toBe(302);
  const report = (await preview(h, admin, id)).data as { done: { counts: unknown } };
  expect(report.done.counts).toEqual({ created: 2, updated: 1, unchanged: 0, skipped: 5 });

  const ana = await h.db((db) => db.membership.findFirstOrThrow({ where: { userId: existing.id }, select: { title: true, role: true, organisation: { select: { name: true } } } }));
  expect(ana).toEqual({ title: "Coordinator", role: "MEMBER", organisation: { name: "Lumad Mindanaw" } });
  const invitations = await h.db((db) => db.invitation.findMany({ orderBy: { email: "asc" }, select: { id: true, email: true, role: true, invitedById: true, organisation: { select: { name: true } } } }));
  expect(invitations.map((i) => [i.email, i.role, i.organisation?.name ?? null, i.invitedById])).toEqual([
    ["ben@elsewhere.example", "FOCAL_POINT", "Kalikasan Alliance", admin.id],
    ["carla@new.example", "MEMBER", null, admin.id],
  ]);
  // The core's invitation.created for each, so the worker emails them.
  const events = await h.events("invitation.created");
  expect(events.map((e) => (e.payload as { invitationId: string }).invitationId).sort()).toEqual(invitations.map((i) => i.id).sort());
  // Ben's membership in the other coalition is untouched.
  expect(await other.db((db) => db.membership.findFirstOrThrow({ where: { userId: outsider.id }, select: { title: true, role: true } }))).toEqual({ title: "", role: "MEMBER" });
});

it("never sends a second invitation to someone whose invitation is still open, and changes nothing the second time", async () => {
  const id = await uploaded(h, admin, { name: "people-again.csv", content: PEOPLE }, "people");
  const rows = (await previewData(h, admin, id)).preview!.rows;
  expect(rows.slice(0, 3).map((r) => [r.state, r.note?.key])).toEqual([
    ["unchanged", "alreadyMember"],
    ["unchanged", "alreadyInvited"],
    ["unchanged", "alreadyInvited"],
  ]);
  await importNow(h, admin, id);
  expect(((await preview(h, admin, id)).data as { done: { counts: unknown } }).done.counts).toEqual({ created: 0, updated: 0, unchanged: 3, skipped: 5 });
  expect(await h.db((db) => db.invitation.count())).toBe(2);
  expect(await h.events("invitation.created")).toHaveLength(2);
});
