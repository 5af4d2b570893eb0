import { expect, it } from "vitest";
import type { PluginHarness } from "@commons/plugin-sdk/testing";
import { loader as recordLoader } from "../routes/decisions/record.tsx";
import { seedForumDecisions } from "../src/decisions/seed.server.ts";
import { createForum, type ForumFixture, useForumFixture } from "./helpers.ts";

let h: PluginHarness;
let f: ForumFixture;
useForumFixture((made) => ({ h, f } = made));

it("gives a forum a past meeting with minutes and action points, a decided proposal and an open one, as the pages show them", async () => {
  await h.db((db) => db.forum.update({ where: { id: f.forum.id }, data: { publicRecord: true } }));
  await h.db((db) => seedForumDecisions({ db, tenantId: h.tenant.id }, f.forum.id, new Date("2026-11-20T00:00:00Z")));
  const r = await h.call(recordLoader, { request: new Request(new URL(h.path(`${f.forum.id}/record`), "http://localhost")), params: { forumId: f.forum.id } });
  expect(r.status).toBe(200);
  const data = r.data as { decisions: { title: string; outcome: string; cast: number; eligible: number }[]; minutes: { actionPoints: { owner: string }[] }[] };
  // Three organisations (River Watch, Coast Alliance, Upland through the moderator), each voted once.
  expect(data.decisions).toMatchObject([{ title: "Adopt the 2026 monitoring plan", outcome: "ADOPTED", cast: 3, eligible: 3 }]);
  expect(data.minutes).toHaveLength(1);
  // Owned by a name written in, an organisation of the forum, one of its people, and the stakeholder.
  const owners = data.minutes[0]!.actionPoints.map((a) => a.owner);
  expect(owners).toHaveLength(4);
  expect(owners[0]).toBe("Secretariat");
  expect(Object.values(f.organisations).map((o) => o.name)).toContain(owners[1]);
  expect(f.inForum.map((p) => p.name)).toContain(owners[2]);
  expect(owners[3]).toBe(f.stakeholder.name);
  const open = await h.db((db) => db.forumProposal.findFirstOrThrow({ where: { forumId: f.forum.id, status: "OPEN" }, select: { _count: { select: { votes: true } } } }));
  expect(open._count.votes).toBe(2);
});

it("does not fail on a forum with nobody in it", async () => {
  const empty = await createForum(h, f.secretariat.id, { name: `Empty ${Date.now()}` });
  await h.db((db) => seedForumDecisions({ db, tenantId: h.tenant.id }, empty.id));
  const row = await h.db((db) => db.forumProposal.findFirstOrThrow({ where: { forumId: empty.id, status: "DECIDED" }, select: { outcome: true } }));
  expect(row.outcome).toBe("NO_QUORUM");
});
