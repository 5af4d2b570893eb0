import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createMemoryRouter, Outlet, RouterProvider } from "react-router-dom";
import type { HarnessCoalition, HarnessPerson, PluginHarness } from "@commons/plugin-sdk/testing";
import type { QuestionKind } from "../src/constants.ts";

/**
 * Shared arrangements for the consultations tests: a coalition with organisations in
 * regions, sectors and themes; a drafted consultation with a question of every kind;
 * opening it through the open page's action (recipients fixed, consultation.opened emitted).
 */

type Coalition = Pick<HarnessCoalition, "db" | "tenant">;
type Db = Parameters<Parameters<HarnessCoalition["db"]>[0]>[0];

/** Who a respondent key ("org:<id>" or "user:<id>") names, as the recipient and response rows hold it. */
export function keyOwner(key: string): { organisationId: string | null; userId: string | null } {
  return { organisationId: key.startsWith("org:") ? key.slice(4) : null, userId: key.startsWith("user:") ? key.slice(5) : null };
}

export interface QuestionRow {
  kind: QuestionKind;
  /** Default: "Question <n>". */
  prompt?: string;
  options?: string[];
  required?: boolean;
}

/** Questions written straight into a consultation, in order (a scale's ends "Not at all" and "Fully"); their ids. */
export async function writeQuestions(db: Db, tenantId: string, consultationId: string, questions: readonly QuestionRow[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [position, q] of questions.entries()) {
    const scale = q.kind === "SCALE";
    const row = await db.consultationsQuestion.create({
      data: { tenantId, consultationId, position, kind: q.kind, prompt: q.prompt ?? `Question ${position + 1}`, required: q.required ?? false, options: q.options ?? [], scaleMinLabel: scale ? "Not at all" : "", scaleMaxLabel: scale ? "Fully" : "" },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return ids;
}

/** Recipients written straight into a consultation, by respondent key. */
export async function writeRecipients(db: Db, tenantId: string, consultationId: string, keys: readonly string[]): Promise<void> {
  if (keys.length) await db.consultationsRecipient.createMany({ data: keys.map((key) => ({ tenantId, consultationId, respondentKey: key, ...keyOwner(key) })) });
}

export interface OrganisationPlan {
  name: string;
  region?: string;
  sectors?: string[];
  themes?: string[];
  status?: "APPLIED" | "ACTIVE" | "SUSPENDED" | "LEFT";
}

/** Writes organisations straight into a coalition; their ids, in the plan's order. */
export async function makeOrganisations(coalition: Coalition, plans: readonly OrganisationPlan[]): Promise<string[]> {
  return coalition.db(async (db) => {
    const ids: string[] = [];
    for (const p of plans) {
      const row = await db.organisation.create({
        data: { tenantId: coalition.tenant.id, name: p.name, type: "NGO", region: p.region ?? "Caraga", sectors: p.sectors ?? [], themes: p.themes ?? [], status: p.status ?? "ACTIVE" },
        select: { id: true },
      });
      ids.push(row.id);
    }
    return ids;
  });
}

export const REGIONS = ["Caraga", "CAR", "MIMAROPA"] as const;
export const SECTORS = ["Mining", "Oil and gas", "Forestry"] as const;
export const THEMES = ["Transparency", "Land rights"] as const;

/**
 * `count` active organisations named "<prefix> 1…n", spread round-robin over REGIONS,
 * SECTORS and THEMES (organisation i has REGIONS[i % 3], SECTORS[i % 3], THEMES[i % 2]).
 */
export async function coalitionOf(coalition: Coalition, count: number, prefix = "Org"): Promise<{ id: string; name: string; region: string; sector: string; theme: string }[]> {
  const plans = Array.from({ length: count }, (_, i) => ({ name: `${prefix} ${i + 1}`, region: REGIONS[i % 3]!, sectors: [SECTORS[i % 3]!], themes: [THEMES[i % 2]!] }));
  const ids = await makeOrganisations(coalition, plans);
  return plans.map((p, i) => ({ id: ids[i]!, name: p.name, region: p.region, sector: p.sectors[0]!, theme: p.themes[0]! }));
}

/**
 * A person (with a real session) in an organisation made by makeOrganisations or
 * coalitionOf. (The harness's own `organisation` option creates organisations by name.)
 */
export async function personIn(h: Pick<HarnessCoalition, "person" | "db">, organisationId: string, role: "FOCAL_POINT" | "MEMBER" | "STAKEHOLDER" = "MEMBER", name?: string): Promise<HarnessPerson> {
  const person = await h.person({ role, name });
  await h.db((db) => db.membership.updateMany({ where: { userId: person.id }, data: { organisationId } }));
  return person;
}

/** One question of each of the seven kinds, in this order. */
export const EVERY_KIND: { kind: QuestionKind; prompt: string; options?: string[]; required?: boolean }[] = [
  { kind: "SHORT_TEXT", prompt: "Your organisation's name for this campaign", required: true },
  { kind: "LONG_TEXT", prompt: "What should the position paper say about royalties?" },
  { kind: "SINGLE_CHOICE", prompt: "Which option do you prefer?", options: ["Option A", "Option B", "Option C"], required: true },
  { kind: "MULTIPLE_CHOICE", prompt: "Which regions do you work in?", options: ["Luzon", "Visayas", "Mindanao"] },
  { kind: "SCALE", prompt: "How well does the draft reflect your views?" },
  { kind: "RANKING", prompt: "Rank these priorities", options: ["Disclosure", "Royalties", "Free, prior and informed consent"] },
  { kind: "YES_NO", prompt: "Do you endorse the position paper?" },
];

export interface DraftPlan {
  title?: string;
  purpose?: string;
  background?: string;
  audienceKind?: "ALL" | "FILTERED" | "PICKED";
  audienceRegions?: string[];
  audienceSectors?: string[];
  audienceThemes?: string[];
  audienceOrganisationIds?: string[];
  includeStakeholders?: boolean;
  mode?: "ORGANISATION" | "PERSON";
  visibility?: "SECRETARIAT" | "PARTICIPANTS" | "ANONYMOUS";
  opensAt?: Date | null;
  /** Default: a week from now. */
  deadline?: Date | null;
  /** Default: one of every kind (EVERY_KIND); [] for none. */
  questions?: typeof EVERY_KIND;
}

/** A draft consultation written straight into the coalition; its id and its questions' ids in order. */
export async function draftConsultation(coalition: Coalition, createdById: string, plan: DraftPlan = {}): Promise<{ id: string; questionIds: string[] }> {
  return coalition.db(async (db) => {
    const c = await db.consultation.create({
      data: {
        tenantId: coalition.tenant.id,
        title: plan.title ?? "Position paper on the mining fiscal regime",
        purpose: plan.purpose ?? "To agree the coalition's position before the Senate hearing.",
        background: plan.background ?? "The **Senate** hearing is in January.",
        audienceKind: plan.audienceKind ?? "ALL",
        audienceRegions: plan.audienceRegions ?? [],
        audienceSectors: plan.audienceSectors ?? [],
        audienceThemes: plan.audienceThemes ?? [],
        audienceOrganisationIds: plan.audienceOrganisationIds ?? [],
        includeStakeholders: plan.includeStakeholders ?? false,
        mode: plan.mode ?? "ORGANISATION",
        visibility: plan.visibility ?? "SECRETARIAT",
        opensAt: plan.opensAt ?? null,
        deadline: plan.deadline === undefined ? new Date(Date.now() + 7 * 86_400_000) : plan.deadline,
        createdById,
      },
      select: { id: true },
    });
    return { id: c.id, questionIds: await writeQuestions(db, coalition.tenant.id, c.id, plan.questions ?? EVERY_KIND) };
  });
}

/**
 * Opens the consultation through the open page's action, as the secretariat would (the
 * recipients are fixed and consultation.opened is recorded). Returns the action's result.
 */
export async function openConsultationAs(h: PluginHarness, manager: HarnessPerson, consultationId: string, coalition: HarnessCoalition = h) {
  const { action } = await import("../routes/drafting/open.tsx");
  return h.call(action, { request: manager.request(coalition.path(`${consultationId}/open`), { form: { intent: "open" } }), params: { tenant: coalition.tenant.slug, consultationId } });
}

/** The recipient keys of a consultation, sorted. */
export async function recipientKeys(coalition: Coalition, consultationId: string): Promise<string[]> {
  const rows = await coalition.db((db) => db.consultationsRecipient.findMany({ where: { consultationId }, select: { respondentKey: true } }));
  return rows.map((r) => r.respondentKey).sort();
}

/** The id of the organisation a harness person was created with. */
export async function organisationOf(coalition: Coalition, person: HarnessPerson): Promise<string> {
  const m = await coalition.db((db) => db.membership.findFirstOrThrow({ where: { userId: person.id }, select: { organisationId: true } }));
  return m.organisationId!;
}

/** A page's markup as the server sends it, from its loader's (and action's) real data, at `url`. */
export function renderPage(page: () => unknown, loaderData: unknown, actionData?: unknown, url = "/"): string {
  const router = createMemoryRouter(
    [{ id: "root", path: "/", element: createElement(Outlet), children: [{ id: "page", index: true, element: createElement(page as () => null) }] }],
    { initialEntries: [url], hydrationData: { loaderData: { root: { locale: "en" }, page: loaderData }, actionData: actionData ? { page: actionData } : undefined } },
  );
  return renderToString(createElement(RouterProvider, { router }));
}
