import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import consultations from "../manifest.ts";
import * as results from "../routes/follow/results.tsx";
import * as close from "../routes/follow/close.tsx";
import type { QuestionResult, ResultsSnapshot } from "../src/follow/results.server.ts";
import { createConsultation, orgKey, organisationIdOf, respond, type QuestionPlan } from "./follow-fixtures.ts";

useTestDatabase();

/** A closed consultation's answers are aggregated once, at close, and the results page reads that snapshot. */

const QUESTIONS: QuestionPlan[] = [
  { kind: "SHORT_TEXT", prompt: "In one line" },
  { kind: "SINGLE_CHOICE", prompt: "Priority", options: ["Royalties", "Disclosure"] },
  { kind: "SCALE", prompt: "Agreement" },
];

let h: PluginHarness;
let admin: HarnessPerson;
let focalA: HarnessPerson;
let orgA: string;

type Loaded = Extract<Awaited<ReturnType<typeof results.loader>>, { view: "all" }>;

const view = (person: HarnessPerson, id: string) => h.call(results.loader as never, { request: person.request(h.path(`${id}/results`)), params: { consultationId: id } });
const snapshotOf = (id: string) =>
  h.db(async (db) => {
    const c = await db.consultation.findUniqueOrThrow({ where: { id }, select: { resultsSnapshot: true, resultsSnapshotAt: true } });
    return { snapshot: c.resultsSnapshot as unknown as ResultsSnapshot | null, at: c.resultsSnapshotAt };
  });

async function arrange(visibility: "SECRETARIAT" | "ANONYMOUS", deadline: Date) {
  const { id, questionIds: q } = await createConsultation(h, {
    visibility,
    deadline,
    openedAt: new Date(Date.now() - 2 * 86_400_000),
    createdById: admin.id,
    questions: QUESTIONS,
    recipients: [orgKey(orgA)],
  });
  await respond(h, id, orgKey(orgA), focalA.id, "SUBMITTED", { [q[0]!]: "Publish the contracts", [q[1]!]: "Royalties", [q[2]!]: 4 });
  return { id, q };
}

beforeAll(async () => {
  h = await createPluginHarness(consultations);
  admin = await h.person({ role: "SECRETARIAT_ADMIN" });
  focalA = await h.person({ role: "FOCAL_POINT", organisation: "Alpha Watch", name: "Ana Alpha" });
  orgA = await organisationIdOf(h, "Alpha Watch");
});
afterAll(() => h?.close());

describe("the results snapshot", () => {
  it("is written when the secretariat closes, and the results page reads it rather than the answers", async () => {
    const { id, q } = await arrange("SECRETARIAT", new Date(Date.now() + 86_400_000));
    expect((await snapshotOf(id)).snapshot).toBeNull();
    const closed = await h.call(close.action as never, { request: admin.request(h.path(`${id}/close`), { form: { intent: "close" } }), params: { consultationId: id } });
    expect(closed.status).toBe(302);
    const { snapshot, at } = await snapshotOf(id);
    expect(at).not.toBeNull();
    expect(snapshot?.texts).toEqual([expect.objectContaining({ text: "Publish the contracts", name: "Alpha Watch" })]);

    // Answers cannot change after close; changing them behind the page's back shows the page does not re-read them.
    await h.db((db) => db.consultationsResponse.updateMany({ where: { consultationId: id }, data: { answers: { [q[1]!]: "Disclosure" } } }));
    const data = (await view(admin, id)).data as Loaded;
    const priority = data.results.find((r: QuestionResult) => r.question.prompt === "Priority")!;
    expect(priority.options).toEqual([
      { value: "Royalties", count: 1, percent: 100 },
      { value: "Disclosure", count: 0, percent: 0 },
    ]);
    expect(data.results.find((r: QuestionResult) => r.question.prompt === "Agreement")!.mean).toBe(4);
    expect(data.texts[q[0]!]!.answers).toEqual([{ text: "Publish the contracts", name: "Alpha Watch" }]);
    // Names to the secretariat only: the participant reads the same snapshot without them.
    const asFocal = (await view(focalA, id)).data as Loaded;
    expect(asFocal.texts[q[0]!]!.answers).toEqual([{ text: "Publish the contracts", name: null }]);
  });

  it("is written by the tick job's close at the deadline, without names when the consultation is anonymous", async () => {
    const { id } = await arrange("ANONYMOUS", new Date(Date.now() - 60_000));
    expect((await h.runJob("tick")).outcome).toBe("ran");
    const { snapshot, at } = await snapshotOf(id);
    expect(at).not.toBeNull();
    expect(snapshot?.texts).toEqual([expect.objectContaining({ text: "Publish the contracts", name: null })]);
    expect(JSON.stringify(snapshot)).not.toContain("Alpha Watch");
  });

  it("is computed on the first view of a closed consultation that has none, then kept", async () => {
    const { id } = await arrange("SECRETARIAT", new Date(Date.now() + 86_400_000));
    await h.db((db) => db.consultation.update({ where: { id }, data: { status: "CLOSED", closedAt: new Date() }, select: { id: true } }));
    expect((await snapshotOf(id)).at).toBeNull();
    expect((await view(focalA, id)).status).toBe(200);
    const { snapshot } = await snapshotOf(id);
    // Computed with the names the secretariat may see, though a participant asked first.
    expect(snapshot?.texts).toEqual([expect.objectContaining({ name: "Alpha Watch" })]);
  });

  it("is not read for an open consultation: its results are live", async () => {
    const { id, q } = await arrange("SECRETARIAT", new Date(Date.now() + 86_400_000));
    expect(((await view(admin, id)).data as Loaded).texts[q[0]!]!.total).toBe(1);
    expect((await snapshotOf(id)).at).toBeNull();
  });
});
