import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedModules, type SubscriberLog } from "@commons/plugin-sdk/server";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import consultations from "../manifest.ts";
import * as results from "../routes/follow/results.tsx";
import { answeringT } from "../src/questions/i18n.ts";
import { answersToFieldValues, QUESTION_SELECT, type Answers, type Question } from "../src/questions/kinds.ts";
import { validateAnswers } from "../src/questions/validate.ts";

useTestDatabase();

const log: SubscriberLog = { info: () => undefined, warn: () => undefined };

describe("the demo seed", () => {
  let h: PluginHarness;
  let focal: HarnessPerson;

  beforeAll(async () => {
    // Off, as a coalition is before the seed switches the module on.
    h = await createPluginHarness(consultations, { enabled: false });
    await h.person({ role: "SECRETARIAT_ADMIN" });
    await h.person({ role: "SECRETARIAT_STAFF" });
    focal = await h.person({ role: "FOCAL_POINT", organisation: "Bantay Mina" });
    for (let i = 0; i < 9; i++) await h.person({ role: i % 2 ? "MEMBER" : "FOCAL_POINT", organisation: `Organisation ${i}` });
    await h.person({ role: "STAKEHOLDER", organisation: "Mining Company" });
  });
  afterAll(() => h?.close());

  it("writes an open consultation with drafts and submissions, and a closed one with results and a published statement", async () => {
    const [outcome] = await seedModules([consultations], [h.tenant.id], log);
    expect(outcome?.outcome).toBe("seeded");
    // The demo coalition works in Manila time.
    expect(await h.db((db) => db.moduleSetting.findFirst({ where: { moduleId: "consultations" }, select: { settings: true } }))).toEqual({ settings: { timezone: "Asia/Manila" } });
    const seeded = await h.db((db) =>
      db.consultation.findMany({
        orderBy: { title: "asc" },
        select: {
          id: true,
          title: true,
          status: true,
          statementPublishedAt: true,
          deadline: true,
          questions: { orderBy: { position: "asc" }, select: QUESTION_SELECT },
          recipients: { select: { respondentKey: true } },
          responses: { select: { status: true, answers: true, feltHeard: true } },
        },
      }),
    );
    expect(seeded.map((c) => c.status)).toEqual(["CLOSED", "OPEN"]);
    const [closed, open] = seeded;
    const organisations = await h.db((db) => db.organisation.count({ where: { status: "ACTIVE" } }));
    for (const c of seeded) expect(c.recipients).toHaveLength(organisations);
    expect(new Set(open!.questions.map((q) => q.kind)).size).toBeGreaterThanOrEqual(5);
    expect(open!.responses.filter((r) => r.status === "SUBMITTED").length).toBeGreaterThan(0);
    expect(open!.responses.filter((r) => r.status === "DRAFT").length).toBeGreaterThan(0);
    expect(open!.deadline!.getTime()).toBeGreaterThan(Date.now());
    expect(closed!.statementPublishedAt).not.toBeNull();
    expect(closed!.responses.some((r) => r.feltHeard !== null)).toBe(true);

    // Every seeded answer is one the answer page would accept.
    const t = answeringT();
    for (const c of seeded) {
      for (const r of c.responses) {
        const questions = c.questions as Question[];
        const checked = validateAnswers(questions, answersToFieldValues(questions, r.answers as Answers), r.status === "SUBMITTED" ? "submit" : "draft", t);
        expect(checked.ok ? {} : checked.errors).toEqual({});
      }
    }

    // The closed one's results and statement show to a participant.
    const page = await h.call(results.loader as never, { request: focal.request(h.path(`${closed!.id}/results`)), params: { consultationId: closed!.id } });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ statement: { html: expect.stringContaining("contract disclosure") } });
  });

  it("writes nothing new when run again", async () => {
    const before = await h.db((db) => Promise.all([db.consultation.count(), db.consultationsResponse.count()]));
    const [again] = await seedModules([consultations], [h.tenant.id], log);
    expect(again?.outcome).toBe("already-there");
    expect(await h.db((db) => Promise.all([db.consultation.count(), db.consultationsResponse.count()]))).toEqual(before);
  });

  it("writes nothing in a coalition without a secretariat", async () => {
    const small = await h.otherTenant({ enabled: false });
    const [outcome] = await seedModules([consultations], [small.tenant.id], log);
    expect(outcome?.outcome).toBe("seeded");
    expect(await small.db((db) => db.consultation.count())).toBe(0);
  });
});
