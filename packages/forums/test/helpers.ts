import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createMemoryRouter, Outlet, RouterProvider } from "react-router-dom";
import { afterAll, beforeAll, expect } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import forums from "../manifest.ts";

/**
 * Fixtures every forums test file may share: a coalition with member organisations, their
 * people, the secretariat, stakeholders, and an INVITATION forum with rules and participants.
 *
 *   const f = await forumFixture(h);          // everyone in has accepted the rules
 *   await h.call(loader, { request: f.alice.request(h.path(f.forum.id)), params: { forumId: f.forum.id } });
 */
export interface ForumFixture {
  forum: { id: string; name: string };
  organisations: { river: { id: string; name: string }; coast: { id: string; name: string }; upland: { id: string; name: string } };
  /** SECRETARIAT_STAFF: holds forums:manage, enters every forum. */
  secretariat: HarnessPerson;
  /** Member of "River Watch", a participant organisation. */
  alice: HarnessPerson;
  /** Also of "River Watch". */
  arturo: HarnessPerson;
  /** Member of "Coast Alliance", a participant organisation. */
  bea: HarnessPerson;
  /** Member of "Upland Network", which is not in the forum; added in person as the forum's moderator. */
  moderator: HarnessPerson;
  /** Member of "Upland Network", not in the forum in any way. */
  outsider: HarnessPerson;
  /** STAKEHOLDER, a participant in person (affiliation "Department of Energy"). */
  stakeholder: HarnessPerson;
  /** STAKEHOLDER of the coalition who is not in this forum. */
  otherStakeholder: HarnessPerson;
  /** Everyone who is in the forum (participants, moderator, stakeholder), in that order. */
  inForum: HarnessPerson[];
}

export const FIXTURE_RULES = "1. Speak for your organisation.\n2. Decisions are recorded.";

let counter = 0;

/** A forum row as the settings page would create it (defaults for the rest). */
export function createForum(
  h: Pick<PluginHarness, "db" | "tenant">,
  createdById: string,
  data: { name?: string; rules?: string; access?: "OPEN" | "INVITATION"; publicRecord?: boolean; stakeholdersVote?: boolean; voteUnit?: "ORGANISATION" | "PERSON" } = {},
) {
  counter += 1;
  return h.db((db) =>
    db.forum.create({
      data: { tenantId: h.tenant.id, name: data.name ?? `Forum ${counter} ${Date.now()}`, purpose: "Where members and stakeholders agree on the work.", rules: data.rules ?? FIXTURE_RULES, createdById, ...data },
      select: { id: true, name: true },
    }),
  );
}

/** Puts a person (userId) or an organisation (organisationId) in a forum. */
export function addParticipant(
  h: Pick<PluginHarness, "db" | "tenant">,
  forumId: string,
  who: { userId: string; role?: "PARTICIPANT" | "MODERATOR"; affiliation?: string } | { organisationId: string },
) {
  return h.db((db) => db.forumParticipant.create({ data: { tenantId: h.tenant.id, forumId, ...who }, select: { id: true } }));
}

/** Records that these people accepted the forum's current rules. */
export async function acceptRules(h: Pick<PluginHarness, "db" | "tenant">, forumId: string, userIds: readonly string[]) {
  await h.db(async (db) => {
    const { rulesVersion } = await db.forum.findFirstOrThrow({ where: { id: forumId }, select: { rulesVersion: true } });
    for (const userId of userIds) {
      await db.forumRulesAcceptance.upsert({
        where: { tenantId_forumId_userId: { tenantId: h.tenant.id, forumId, userId } },
        create: { tenantId: h.tenant.id, forumId, userId, rulesVersion },
        update: { rulesVersion },
      });
    }
  });
}

/** An organisation's id by name (the harness creates them with the first person in them). */
export async function organisationNamed(h: Pick<PluginHarness, "db">, name: string) {
  return h.db((db) => db.organisation.findFirstOrThrow({ where: { name }, select: { id: true, name: true } }));
}

/**
 * The standard forum: River Watch and Coast Alliance are in as organisations, a moderator
 * in person, a stakeholder in person. `acceptRules: false` leaves everyone still to accept.
 */
export async function forumFixture(h: PluginHarness, options: { acceptRules?: boolean; access?: "OPEN" | "INVITATION"; name?: string } = {}): Promise<ForumFixture> {
  const tag = `${++counter}`;
  const secretariat = await h.person({ role: "SECRETARIAT_STAFF", name: `Sol Secretariat ${tag}` });
  const alice = await h.person({ organisation: `River Watch ${tag}`, name: `Alice River ${tag}` });
  const arturo = await h.person({ organisation: `River Watch ${tag}`, name: `Arturo River ${tag}` });
  const bea = await h.person({ role: "FOCAL_POINT", organisation: `Coast Alliance ${tag}`, name: `Bea Coast ${tag}` });
  const moderator = await h.person({ organisation: `Upland Network ${tag}`, name: `Mo Upland ${tag}` });
  const outsider = await h.person({ organisation: `Upland Network ${tag}`, name: `Otto Upland ${tag}` });
  const stakeholder = await h.person({ role: "STAKEHOLDER", name: `Stella Energy ${tag}` });
  const otherStakeholder = await h.person({ role: "STAKEHOLDER", name: `Oscar Mining Co ${tag}` });
  const river = await organisationNamed(h, `River Watch ${tag}`);
  const coast = await organisationNamed(h, `Coast Alliance ${tag}`);
  const upland = await organisationNamed(h, `Upland Network ${tag}`);

  const forum = await createForum(h, secretariat.id, { name: options.name ?? `Extractives group ${tag}`, access: options.access ?? "INVITATION" });
  await addParticipant(h, forum.id, { organisationId: river.id });
  await addParticipant(h, forum.id, { organisationId: coast.id });
  await addParticipant(h, forum.id, { userId: moderator.id, role: "MODERATOR" });
  await addParticipant(h, forum.id, { userId: stakeholder.id, affiliation: "Department of Energy" });
  const inForum = [alice, arturo, bea, moderator, stakeholder];
  if (options.acceptRules !== false) await acceptRules(h, forum.id, [...inForum, secretariat].map((p) => p.id));
  return { forum, organisations: { river, coast, upland }, secretariat, alice, arturo, bea, moderator, outsider, stakeholder, otherStakeholder, inForum };
}

/**
 * A test file's database, harness and forum fixture, made before its tests and closed after
 * them; `ready` hands them to the file's own variables:
 *
 *   let h: PluginHarness;
 *   let f: ForumFixture;
 *   useForumFixture((made) => ({ h, f } = made));
 */
export function useForumFixture(ready: (made: { h: PluginHarness; f: ForumFixture }) => void): void {
  useTestDatabase();
  let h: PluginHarness | undefined;
  beforeAll(async () => {
    h = await createPluginHarness(forums);
    ready({ h, f: await forumFixture(h) });
  });
  afterAll(() => h?.close());
}

/** A page's markup as the server sends it, from its loader's (and action's) real data, at `url`. */
export function renderPage(page: () => unknown, loaderData: unknown, actionData?: unknown, url = "/"): string {
  const router = createMemoryRouter(
    [{ id: "root", path: "/", element: createElement(Outlet), children: [{ id: "page", index: true, element: createElement(page as () => null) }] }],
    { initialEntries: [url], hydrationData: { loaderData: { root: { locale: "en" }, page: loaderData }, actionData: actionData ? { page: actionData } : undefined } },
  );
  return renderToString(createElement(RouterProvider, { router }));
}

/** What every page has: one h1. */
export function expectOneH1(html: string): void {
  expect(html.match(/<h1[ >]/g)).toHaveLength(1);
}
