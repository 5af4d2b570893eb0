import { afterAll, beforeAll, expect, it } from "vitest";
import { seedModules, type SubscriberLog } from "@commons/plugin-sdk/server";
import { createPluginHarness, useTestDatabase, type PluginHarness } from "@commons/plugin-sdk/testing";
import forums from "../manifest.ts";
import * as participants from "../routes/spaces/participants.tsx";
import * as index from "../routes/spaces/index.tsx";
import { DEMO_FORUM_NAME } from "../src/seed.server.ts";

useTestDatabase();
const log: SubscriberLog = { info: () => undefined, warn: () => undefined };
let h: PluginHarness;
beforeAll(async () => {
  h = await createPluginHarness(forums);
});
afterAll(() => h?.close());

it("seeds a multi-stakeholder forum with organisations, a moderator, stakeholders with affiliations and accepted rules, once", async () => {
  const staff = await h.person({ role: "SECRETARIAT_STAFF" });
  const focal = await h.person({ role: "FOCAL_POINT", organisation: "Bantay Kita" });
  const member = await h.person({ organisation: "Bantay Kita" });
  await h.person({ organisation: "PMPI" });
  const ramon = await h.person({ role: "STAKEHOLDER", name: "Ramon Castillo" });
  const teresa = await h.person({ role: "STAKEHOLDER", name: "Teresa Lim" });
  const outsider = await h.person({ role: "STAKEHOLDER", name: "Not invited" });

  await seedModules([forums], [h.tenant.id], log);
  const forum = await h.db((db) => db.forum.findFirstOrThrow({ where: { name: DEMO_FORUM_NAME }, include: { participants: true } }));
  expect(forum).toMatchObject({ publicRecord: true, access: "INVITATION", createdById: staff.id });
  expect(forum.participants.filter((p) => p.organisationId)).toHaveLength(2);
  expect(forum.participants.find((p) => p.userId === focal.id)?.role).toBe("MODERATOR");
  expect(forum.participants.find((p) => p.userId === ramon.id)?.affiliation).toBe("Government office: Regional mines office, Caraga");
  expect(forum.participants.find((p) => p.userId === teresa.id)?.affiliation).toContain("Northern Ridge Nickel");

  // Everyone in it goes straight in (rules accepted); the stakeholders see this forum only.
  for (const p of [staff, focal, member, ramon, teresa]) {
    const r = await h.call(participants.loader, { request: p.request(h.path(`${forum.id}/participants`)), params: { forumId: forum.id } });
    expect(r.status).toBe(200);
  }
  const list = await h.call(index.loader, { request: ramon.request(h.path()) });
  expect((list.data as { forums: { name: string }[] }).forums.map((f) => f.name)).toEqual([DEMO_FORUM_NAME]);
  expect((await h.call(participants.loader, { request: outsider.request(h.path(`${forum.id}/participants`)), params: { forumId: forum.id } })).status).toBe(404);

  // The decisions area's content is in it: a meeting with minutes at least.
  expect(await h.db((db) => db.forumMeeting.count({ where: { forumId: forum.id, minutesPublishedAt: { not: null } } }))).toBeGreaterThan(0);

  // A second run writes nothing.
  await seedModules([forums], [h.tenant.id], log);
  expect(await h.db((db) => db.forum.count())).toBe(1);
});

it("seeds nothing in a coalition without a secretariat or organisations", async () => {
  const other = await h.otherTenant();
  await seedModules([forums], [other.tenant.id], log);
  expect(await other.db((db) => db.forum.count())).toBe(0);
});
