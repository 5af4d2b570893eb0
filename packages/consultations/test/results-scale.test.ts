import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import consultations from "../manifest.ts";
import * as results from "../routes/follow/results.tsx";
import * as follow from "../routes/follow/follow.tsx";
import type { Answer } from "../src/questions/kinds.ts";
import { createConsultation, orgKey, type QuestionPlan } from "./follow-fixtures.ts";

useTestDatabase();

/**
 * Counts the SQL statements a request sends, as the bench does with SQL_COUNT=1 (every query
 * on a pg client, BEGIN and COMMIT included), but without swapping the data layer's pool: the
 * statements of the calls made inside `countStatements` are counted by their async context.
 */
const counting = new AsyncLocalStorage<{ statements: number }>();
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const state = counting.getStore();
  if (state) state.statements++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const state = { statements: 0 };
  const result = await counting.run(state, work);
  return { result, statements: state.statements };
}

const KINDS: QuestionPlan["kind"][] = ["SHORT_TEXT", "LONG_TEXT", "SINGLE_CHOICE", "MULTIPLE_CHOICE", "SCALE", "RANKING", "YES_NO"];
const OPTIONS = ["Royalties", "Rehabilitation", "Disclosure", "Consent"];
const QUESTIONS: QuestionPlan[] = Array.from({ length: 20 }, (_, i) => ({ kind: KINDS[i % KINDS.length]!, prompt: `Question ${i + 1}`, options: OPTIONS }));

function answerFor(kind: QuestionPlan["kind"], n: number): Answer {
  switch (kind) {
    case "SHORT_TEXT":
      return `Short answer ${n}`;
    case "LONG_TEXT":
      return `A longer answer from organisation ${n}, with reasons.`;
    case "SINGLE_CHOICE":
      return OPTIONS[n % OPTIONS.length]!;
    case "MULTIPLE_CHOICE":
      return OPTIONS.filter((_, i) => (n + i) % 2 === 0);
    case "SCALE":
      return (n % 5) + 1;
    case "RANKING":
      return [...OPTIONS.slice(n % OPTIONS.length), ...OPTIONS.slice(0, n % OPTIONS.length)];
    case "YES_NO":
      return { answer: n % 3 ? "yes" : "no", comment: n % 4 ? "" : `Comment ${n}` };
  }
}

let h: PluginHarness;
let admin: HarnessPerson;

/** `organisations` organisations asked, every one of them submitted an answer to each question. */
async function arrange(organisations: number, title: string, own: string[] = []): Promise<string> {
  const ids = await h.db(async (db) => {
    const made = await db.organisation.createManyAndReturn({
      data: Array.from({ length: organisations - own.length }, (_, i) => ({ tenantId: h.tenant.id, name: `${title} organisation ${String(i).padStart(5, "0")}`, type: "NGO", region: i % 2 ? "Luzon" : "Mindanao" })),
      select: { id: true },
    });
    return [...own, ...made.map((o) => o.id)];
  });
  const { id, questionIds } = await createConsultation(h, { title, status: "CLOSED", visibility: "SECRETARIAT", createdById: admin.id, questions: QUESTIONS, recipients: ids.map(orgKey) });
  await h.db(async (db) => {
    for (let from = 0; from < ids.length; from += 2_000) {
      await db.consultationsResponse.createMany({
        data: ids.slice(from, from + 2_000).map((organisationId, k) => {
          const n = from + k;
          return {
            tenantId: h.tenant.id,
            consultationId: id,
            respondentKey: orgKey(organisationId),
            organisationId,
            status: "SUBMITTED" as const,
            answers: Object.fromEntries(questionIds.map((q, i) => [q, answerFor(QUESTIONS[i]!.kind, n)])),
            updatedById: admin.id,
            submittedById: admin.id,
            submittedAt: new Date(),
          };
        }),
      });
    }
  });
  return id;
}

const resultsPage = (id: string) => h.call(results.loader as never, { request: admin.request(h.path(`${id}/results`)), params: { consultationId: id } });
const followPage = (id: string) => h.call(follow.loader as never, { request: admin.request(h.path(`${id}/follow`)), params: { consultationId: id } });

beforeAll(async () => {
  h = await createPluginHarness(consultations);
  admin = await h.person({ role: "SECRETARIAT_ADMIN" });
});
afterAll(() => h?.close());

describe("the results page at scale", () => {
  it("renders 80 organisations × 20 questions in at most 10 SQL statements, for the secretariat and for a participant", async () => {
    const participant = await h.person({ role: "FOCAL_POINT", organisation: "Participant organisation" });
    const participantOrg = await h.db(async (db) => (await db.organisation.findFirstOrThrow({ where: { name: "Participant organisation" }, select: { id: true } })).id);
    const id = await arrange(80, "Eighty", [participantOrg]);
    await resultsPage(id); // warm: the first request of a process loads the coalition's module state
    const { result, statements } = await countStatements(() => resultsPage(id));
    expect(result.status).toBe(200);
    const data = result.data as { results: { answered: number }[]; totals: { submitted: number } };
    expect(data.totals.submitted).toBe(80);
    expect(data.results.every((r) => r.answered > 0)).toBe(true);
    console.info(`results page, 80 organisations × 20 questions: ${statements} SQL statements`);
    expect(statements).toBeLessThanOrEqual(10);

    const asParticipantFirst = await countStatements(() => h.call(results.loader as never, { request: participant.request(h.path(`${id}/results`)), params: { consultationId: id } }));
    expect(asParticipantFirst.statements).toBeLessThanOrEqual(10);
    const asParticipant = await countStatements(() => h.call(results.loader as never, { request: participant.request(h.path(`${id}/results`)), params: { consultationId: id } }));
    expect(asParticipant.result.status).toBe(200);
    console.info(`results page, 80 organisations × 20 questions, as a participant: ${asParticipant.statements} SQL statements (${asParticipantFirst.statements} on their first request)`);
    expect(asParticipant.statements).toBeLessThanOrEqual(10);

    const followed = await countStatements(() => followPage(id));
    expect(followed.result.status).toBe(200);
    console.info(`follow page, 80 organisations: ${followed.statements} SQL statements`);
    expect(followed.statements).toBeLessThanOrEqual(10);
  });

  it("stays fast at 10,000 organisations", async () => {
    const id = await arrange(10_000, "Ten thousand");
    await resultsPage(id);
    const started = performance.now();
    const { result, statements } = await countStatements(() => resultsPage(id));
    const ms = performance.now() - started;
    expect(result.status).toBe(200);
    expect((result.data as { totals: { submitted: number } }).totals.submitted).toBe(10_000);
    const followStarted = performance.now();
    const followed = await countStatements(() => followPage(id));
    const followMs = performance.now() - followStarted;
    console.info(`10,000 organisations × 20 questions: results ${Math.round(ms)} ms in ${statements} statements; follow ${Math.round(followMs)} ms in ${followed.statements} statements`);
    expect(statements).toBeLessThanOrEqual(10);
    // A generous bound: the machine is shared; the log line above gives the figure.
    expect(ms).toBeLessThan(8_000);
  }, 120_000);
});
