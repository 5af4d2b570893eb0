import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import consultations from "../manifest.ts";
import * as edit from "../routes/drafting/edit.tsx";
import * as create from "../routes/drafting/new.tsx";
import * as questions from "../routes/drafting/questions.tsx";
import { draftConsultation, openConsultationAs } from "./helpers.ts";

useTestDatabase();
let h: PluginHarness;
let staff: HarnessPerson;
beforeAll(async () => {
  h = await createPluginHarness(consultations);
  await h.configure({ settings: { timezone: "Asia/Manila" } });
  staff = await h.person({ role: "SECRETARIAT_STAFF" });
});
afterAll(() => h?.close());

const inAWeek = () => {
  const d = new Date(Date.now() + 7 * 86_400_000);
  return d.toISOString().slice(0, 16);
};

const details = (over: Record<string, string | string[]> = {}) => ({
  intent: "save",
  title: "Position on royalties",
  purpose: "Agree the coalition's position.",
  background: "## Why\nThe Senate hearing is in **January**.",
  audienceKind: "ALL",
  mode: "ORGANISATION",
  visibility: "SECRETARIAT",
  opensAt: "",
  deadline: inAWeek(),
  reminderHours: "72\n24",
  ...over,
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Route = { action: (args: any) => Promise<unknown> };
const post = (person: HarnessPerson, route: Route, sub: string, form: Record<string, string | string[]>, params: Record<string, string> = {}) =>
  h.call(route.action, { request: person.request(h.path(sub), { form }), params });

describe("drafting a consultation", () => {
  it("creates a draft from the form and reads the deadline in the coalition's zone", async () => {
    const result = await post(staff, create, "new", details({ deadline: "2030-03-15T17:00" }));
    expect(result.status).toBe(302);
    const location = result.headers.get("Location")!;
    expect(location).toMatch(/\/consultations\/[0-9a-f-]{36}\/questions\?created=1$/);
    const id = location.split("/").at(-2)!;
    const row = await h.db((db) => db.consultation.findFirstOrThrow({ where: { id }, select: { title: true, status: true, deadline: true, reminderHours: true, createdById: true } }));
    expect(row).toMatchObject({ title: "Position on royalties", status: "DRAFT", reminderHours: [72, 24], createdById: staff.id });
    // 17:00 in Manila (UTC+8) is 09:00 UTC.
    expect(row.deadline?.toISOString()).toBe("2030-03-15T09:00:00.000Z");

    const page = await h.call(edit.loader, { request: staff.request(h.path(`${id}/edit`)), params: { consultationId: id } });
    expect(page.status).toBe(200);
    expect(page.data?.values.deadline).toBe("2030-03-15T17:00");
    expect(page.data?.zone).toBe("Asia/Manila (GMT+8)");
  });

  it("refuses an empty title, bad dates and filters without values, keeping what was typed; nothing is written", async () => {
    const before = await h.db((db) => db.consultation.count());
    const empty = await post(staff, create, "new", details({ title: "   " }));
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({ errors: { title: "Enter a title." }, values: { purpose: "Agree the coalition's position." } });

    const notADate = await post(staff, create, "new", details({ deadline: "next friday" }));
    expect(notADate.data).toMatchObject({ errors: { deadline: "Enter a date and a time, like 2026-12-15 17:00." } });
    const feb30 = await post(staff, create, "new", details({ deadline: "2030-02-30T10:00" }));
    expect(feb30.data).toMatchObject({ errors: { deadline: "Enter a date and a time, like 2026-12-15 17:00." } });
    const past = await post(staff, create, "new", details({ deadline: "2020-01-01T10:00" }));
    expect(past.data).toMatchObject({ errors: { deadline: "The deadline must be in the future." } });
    const opensLate = await post(staff, create, "new", details({ opensAt: "2030-04-01T10:00", deadline: "2030-03-01T10:00" }));
    expect(opensLate.data).toMatchObject({ errors: { opensAt: "The opening must come before the deadline." } });
    const noFilters = await post(staff, create, "new", details({ audienceKind: "FILTERED" }));
    expect(noFilters.data).toMatchObject({ errors: { audienceKind: "Tick at least one region, sector or theme." } });
    const badKind = await post(staff, create, "new", details({ audienceKind: "EVERYONE", visibility: "PUBLIC" }));
    expect(badKind.data).toMatchObject({ errors: { audienceKind: "Choose one of the options.", visibility: "Choose one of the options." } });
    const badHours = await post(staff, create, "new", details({ reminderHours: "72\nsoon" }));
    expect(badHours.data).toMatchObject({ errors: { reminderHours: "Write whole numbers of hours from 1 to 720, one per line." } });
    expect(await h.db((db) => db.consultation.count())).toBe(before);
  });

  it("previews the background as sanitised HTML without saving", async () => {
    const before = await h.db((db) => db.consultation.count());
    const preview = await post(staff, create, "new", details({ intent: "preview", background: "**Bold** <script>alert(1)</script> [x](javascript:alert(1))" }));
    expect(preview.status).toBe(200);
    const html = (preview.data as { previewHtml: string }).previewHtml;
    expect(html).toContain("<strong>Bold</strong>");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("javascript:");
    expect(await h.db((db) => db.consultation.count())).toBe(before);
  });

  it("keeps only the filters of a filtered audience", async () => {
    const made = await post(staff, create, "new", details({ title: "Filtered one", audienceKind: "FILTERED", regions: ["Caraga"], sectors: ["Mining", "Forestry"] }));
    const id = made.headers.get("Location")!.split("/").at(-2)!;
    expect(await h.db((db) => db.consultation.findFirst({ where: { id }, select: { audienceKind: true, audienceRegions: true, audienceSectors: true, audienceThemes: true } }))).toEqual({
      audienceKind: "FILTERED", audienceRegions: ["Caraga"], audienceSectors: ["Mining", "Forestry"], audienceThemes: [],
    });
    await post(staff, edit, `${id}/edit`, details({ audienceKind: "ALL", regions: ["Caraga"] }), { consultationId: id });
    expect(await h.db((db) => db.consultation.findFirst({ where: { id }, select: { audienceKind: true, audienceRegions: true } }))).toEqual({ audienceKind: "ALL", audienceRegions: [] });
  });
});

describe("double clicks", () => {
  it("two identical submissions make one draft, and one question", async () => {
    const form = details({ title: "Clicked twice" });
    const [a, b] = await Promise.all([post(staff, create, "new", form), post(staff, create, "new", form)]);
    expect(a.headers.get("Location")).toBe(b.headers.get("Location"));
    expect(await h.db((db) => db.consultation.count({ where: { title: "Clicked twice" } }))).toBe(1);
    const id = a.headers.get("Location")!.split("/").at(-2)!;
    const question = { intent: "add", kind: "YES_NO", prompt: "Do you agree?", help: "", options: "", scaleMinLabel: "", scaleMaxLabel: "" };
    await Promise.all([post(staff, questions, `${id}/questions`, question, { consultationId: id }), post(staff, questions, `${id}/questions`, question, { consultationId: id })]);
    expect(await h.db((db) => db.consultationsQuestion.count({ where: { consultationId: id } }))).toBe(1);
  });
});

describe("questions", () => {
  const add = (id: string, form: Record<string, string>) => post(staff, questions, `${id}/questions`, { intent: "add", kind: "SHORT_TEXT", prompt: "Q", help: "", options: "", scaleMinLabel: "", scaleMaxLabel: "", ...form }, { consultationId: id });

  it("adds questions of every kind; choices need two different options", async () => {
    const { id } = await draftConsultation(h, staff.id, { questions: [] });
    for (const kind of ["SINGLE_CHOICE", "MULTIPLE_CHOICE", "RANKING"]) {
      const none = await add(id, { kind, prompt: "Pick", options: "" });
      expect(none.status).toBe(400);
      expect(none.data).toMatchObject({ errors: { options: "Give at least two different options, one per line." }, values: { prompt: "Pick" } });
      const one = await add(id, { kind, prompt: "Pick", options: "Only\n\n  " });
      expect(one.data).toMatchObject({ errors: { options: "Give at least two different options, one per line." } });
      const twice = await add(id, { kind, prompt: "Pick", options: "Yes\nyes " });
      expect(twice.data).toMatchObject({ errors: { options: "Each option must be different: “yes” is listed twice." } });
    }
    const noPrompt = await add(id, { prompt: "  " });
    expect(noPrompt.data).toMatchObject({ errors: { prompt: "Write the question." } });
    expect(await h.db((db) => db.consultationsQuestion.count({ where: { consultationId: id } }))).toBe(0);

    const kinds = ["SHORT_TEXT", "LONG_TEXT", "SINGLE_CHOICE", "MULTIPLE_CHOICE", "SCALE", "RANKING", "YES_NO"];
    for (const kind of kinds) {
      const r = await add(id, { kind, prompt: `A ${kind}`, options: "One\nTwo\n Three ", scaleMinLabel: "Low", scaleMaxLabel: "High", required: "on" });
      expect(r.status).toBe(200);
    }
    const rows = await h.db((db) => db.consultationsQuestion.findMany({ where: { consultationId: id }, orderBy: { position: "asc" }, select: { kind: true, position: true, options: true, scaleMinLabel: true, required: true } }));
    expect(rows.map((r) => r.kind)).toEqual(kinds);
    expect(rows.map((r) => r.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(rows.find((r) => r.kind === "RANKING")?.options).toEqual(["One", "Two", "Three"]);
    expect(rows.find((r) => r.kind === "SHORT_TEXT")?.options).toEqual([]);
    expect(rows.find((r) => r.kind === "SCALE")?.scaleMinLabel).toBe("Low");
    expect(rows.find((r) => r.kind === "YES_NO")?.scaleMinLabel).toBe("");
    expect(rows.every((r) => r.required)).toBe(true);
  });

  it("edits, moves up and down and deletes, positions staying contiguous", async () => {
    const { id, questionIds } = await draftConsultation(h, staff.id);
    const [first, second, third] = questionIds as [string, string, string];
    const order = async () => (await h.db((db) => db.consultationsQuestion.findMany({ where: { consultationId: id }, orderBy: { position: "asc" }, select: { id: true, position: true } })));

    const moved = await post(staff, questions, `${id}/questions`, { intent: "move", direction: "up", questionId: second }, { consultationId: id });
    expect(moved.data).toMatchObject({ ok: true, notice: "Question moved." });
    expect((await order()).slice(0, 3).map((q) => q.id)).toEqual([second, first, third]);
    await post(staff, questions, `${id}/questions`, { intent: "move", direction: "down", questionId: second }, { consultationId: id });
    expect((await order()).slice(0, 3).map((q) => q.id)).toEqual([first, second, third]);
    // The first cannot go further up: nothing changes.
    await post(staff, questions, `${id}/questions`, { intent: "move", direction: "up", questionId: first }, { consultationId: id });
    expect((await order())[0]?.id).toBe(first);

    const updated = await post(staff, questions, `${id}/questions`, { intent: "update", questionId: third, kind: "MULTIPLE_CHOICE", prompt: "Which?", help: "Tick", options: "A\nB", scaleMinLabel: "", scaleMaxLabel: "" }, { consultationId: id });
    expect(updated.data).toMatchObject({ ok: true, notice: "Question 3 saved." });
    const badUpdate = await post(staff, questions, `${id}/questions`, { intent: "update", questionId: third, kind: "RANKING", prompt: "Which?", options: "A" }, { consultationId: id });
    expect(badUpdate.status).toBe(400);
    expect(await h.db((db) => db.consultationsQuestion.findFirst({ where: { id: third }, select: { kind: true, options: true } }))).toEqual({ kind: "MULTIPLE_CHOICE", options: ["A", "B"] });

    await post(staff, questions, `${id}/questions`, { intent: "delete", questionId: second }, { consultationId: id });
    const after = await order();
    expect(after.map((q) => q.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(after.map((q) => q.id)).not.toContain(second);

    const page = await h.call(questions.loader, { request: staff.request(h.path(`${id}/questions`)), params: { consultationId: id } });
    expect(page.data?.questions.map((q) => q.id)).toEqual(after.map((q) => q.id));
  });

  it("locks the questions once the consultation is open", async () => {
    await h.person({ role: "FOCAL_POINT", organisation: "Lock test org" });
    const { id, questionIds } = await draftConsultation(h, staff.id);
    const opened = await openConsultationAs(h, staff, id);
    expect(opened.status).toBe(302);
    for (const form of <Record<string, string>[]>[
      { intent: "add", kind: "SHORT_TEXT", prompt: "Late question" },
      { intent: "update", questionId: questionIds[0]!, kind: "SHORT_TEXT", prompt: "Changed" },
      { intent: "delete", questionId: questionIds[0]! },
      { intent: "move", direction: "down", questionId: questionIds[0]! },
    ]) {
      const r = await post(staff, questions, `${id}/questions`, form, { consultationId: id });
      expect(r.status).toBe(409);
      expect(r.data).toMatchObject({ formError: "The questions are fixed since the consultation opened." });
    }
    const rows = await h.db((db) => db.consultationsQuestion.findMany({ where: { consultationId: id }, orderBy: { position: "asc" }, select: { id: true, prompt: true } }));
    expect(rows.map((r) => r.id)).toEqual(questionIds);
    expect(rows[0]?.prompt).not.toBe("Changed");
  });
});
