import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import consultations from "../manifest.ts";
import Attachments, * as attachments from "../routes/drafting/attachments.tsx";
import Audience, * as audience from "../routes/drafting/audience.tsx";
import Edit, * as edit from "../routes/drafting/edit.tsx";
import Index, * as index from "../routes/drafting/index.tsx";
import New, * as create from "../routes/drafting/new.tsx";
import Open, * as open from "../routes/drafting/open.tsx";
import Preview, * as preview from "../routes/drafting/preview.tsx";
import Questions, * as questions from "../routes/drafting/questions.tsx";
import { coalitionOf, draftConsultation, openConsultationAs, personIn, renderPage } from "./helpers.ts";

useTestDatabase();

/** What a reviewer checks on every page: one h1, unique ids, every control labelled. */
function expectSoundMarkup(html: string) {
  expect(html.match(/<h1[ >]/g)).toHaveLength(1);
  const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  for (const [control, id] of html.matchAll(/<(?:input|textarea|select)(?=[^>]*\bid="([^"]+)")(?![^>]*type="hidden")[^>]*>/g)) {
    if (/aria-labelledby="/.test(control)) continue;
    expect(html, `label for ${id}`).toContain(`for="${id}"`);
  }
}

let h: PluginHarness;
let staff: HarnessPerson;
let member: HarnessPerson;
let orgs: Awaited<ReturnType<typeof coalitionOf>>;

beforeAll(async () => {
  h = await createPluginHarness(consultations);
  await h.configure({ settings: { timezone: "Asia/Manila" } });
  staff = await h.person({ role: "SECRETARIAT_STAFF" });
  orgs = await coalitionOf(h, 4);
  member = await personIn(h, orgs[0]!.id, "FOCAL_POINT");
});
afterAll(() => h?.close());

const get = async (loader: (args: never) => Promise<unknown>, person: HarnessPerson, sub: string, params: Record<string, string> = {}) => {
  const result = await h.call(loader as never, { request: person.request(h.path(sub)), params });
  expect(result.status).toBe(200);
  return result.data;
};

describe("the drafting pages' markup", () => {
  it("new: every field labelled, the zone beside the dates, each visibility explained", async () => {
    const html = renderPage(New, await get(create.loader, staff, "new"));
    expectSoundMarkup(html);
    expect(html).toContain("Answers are accepted until this time, in Asia/Manila (GMT+8).");
    expect(html).toContain("The secretariat sees who answered, but not which answer is whose.");
    expect(html).toContain('type="datetime-local"');
    expect(html).toContain(">72\n24</textarea>");
    // The filters offer what the organisations have, folded away under the filtered choice until it is taken.
    for (const value of ["Caraga", "Mining", "Land rights"]) expect(html).toContain(`value="${value}"`);
    expect(html).toMatch(/value="FILTERED"[\s\S]*<details class="audience-filters"><summary>Regions, sectors and themes to filter on \(0 ticked\)<\/summary>[\s\S]*value="Caraga"[\s\S]*<\/details>/);
  });

  it("new, after a mistake: the summary links to the field, what was typed comes back", async () => {
    const failed = await h.call(create.action, { request: staff.request(h.path("new"), { form: { intent: "save", title: "", purpose: "Kept purpose", audienceKind: "FILTERED", regions: ["CAR"], mode: "PERSON", visibility: "ANONYMOUS", deadline: "soon", reminderHours: "24" } }) });
    const html = renderPage(New, await get(create.loader, staff, "new"), failed.data);
    expect(html).toContain('href="#field-title"');
    expect(html).toContain('href="#field-deadline"');
    expect(html).toContain("Kept purpose");
    expect(html).toMatch(/<input[^>]*checked=""[^>]*value="CAR"/);
    expect(html).toMatch(/<input[^>]*checked=""[^>]*value="PERSON"/);
    expect(html).toContain('<details class="audience-filters" open=""><summary>Regions, sectors and themes to filter on (1 ticked)</summary>');
    expectSoundMarkup(html);
  });

  it("edit, questions, documents, organisations, preview and open of a draft; titles are escaped", async () => {
    const { id } = await draftConsultation(h, staff.id, { title: "Royalties <script>alert(1)</script>", background: "## Context\n<img src=x onerror=alert(1)>**bold**", audienceKind: "PICKED", audienceOrganisationIds: [orgs[1]!.id] });
    const p = { consultationId: id };
    const pages: [string, () => unknown, (args: never) => Promise<unknown>, string][] = [
      ["edit", Edit, edit.loader as never, `${id}/edit`],
      ["questions", Questions, questions.loader as never, `${id}/questions`],
      ["attachments", Attachments, attachments.loader as never, `${id}/attachments`],
      ["audience", Audience, audience.loader as never, `${id}/audience`],
      ["preview", Preview, preview.loader as never, `${id}/preview`],
      ["open", Open, open.loader as never, `${id}/open`],
    ];
    for (const [name, Page, loader, sub] of pages) {
      const html = renderPage(Page, await get(loader, staff, sub, p));
      expectSoundMarkup(html);
      expect(html, name).not.toContain("<script>alert");
      expect(html, name).toContain("Royalties &lt;script&gt;");
      expect(html, name).toContain('aria-current="page"');
    }
    if (process.env.DUMP_HTML) for (const [name, Page, loader, sub] of pages) (await import("node:fs")).writeFileSync(`/tmp/drafting-${name}.html`, renderPage(Page, await get(loader, staff, sub, p)));
    const previewHtml = renderPage(Preview, await get(preview.loader, staff, `${id}/preview`, p));
    expect(previewHtml).toContain("<strong>bold</strong>");
    expect(previewHtml).not.toContain("onerror");
    expect(previewHtml).toContain("<fieldset disabled");
    // Who answers, and the answer page's two buttons (inside the disabled fieldset).
    expect(previewHtml).toContain("Each organisation&#x27;s focal point answers on its behalf; colleagues can save drafts.");
    expect(previewHtml).toMatch(/<fieldset disabled[\s\S]*>Save draft<\/button>[\s\S]*>Submit answers<\/button>[\s\S]*<\/fieldset>/);
    expect(previewHtml).toContain("Rank these priorities");
    expect(previewHtml).toContain("Do you endorse the position paper?");

    const questionsData = await get(questions.loader, staff, `${id}/questions`, p);
    const questionsHtml = renderPage(Questions, questionsData);
    expect(questionsHtml).toContain("Move question 2 up");
    expect(questionsHtml).not.toContain("Move question 1 up");
    expect(questionsHtml).not.toContain("Move question 7 down");
    expect(questionsHtml).toContain("Add a question");
    // Editing one question: its form, filled in, in place of the add form.
    const ranking = (questionsData as { questions: { id: string; kind: string }[] }).questions.find((q) => q.kind === "RANKING")!;
    const editing = renderPage(Questions, questionsData, undefined, `/?edit=${ranking.id}`);
    expectSoundMarkup(editing);
    expect(editing).toContain("Save question 6");
    expect(editing).toContain(">Disclosure\nRoyalties\nFree, prior and informed consent</textarea>");
    expect(editing).not.toContain("Add a question");

    const openHtml = renderPage(Open, await get(open.loader, staff, `${id}/open`, p));
    expect(openHtml).toContain("It will ask 1 organisation");
    expect(openHtml).toContain("7 questions.");
  });

  it("after opening: the questions and the audience are shown, not offered for change", async () => {
    const { id } = await draftConsultation(h, staff.id, { audienceKind: "PICKED", audienceOrganisationIds: [orgs[0]!.id] });
    expect((await openConsultationAs(h, staff, id)).status).toBe(302);
    const p = { consultationId: id };
    const editHtml = renderPage(Edit, await get(edit.loader, staff, `${id}/edit`, p));
    expect(editHtml).toContain("The audience, the answering mode and the visibility are fixed since the consultation opened");
    expect(editHtml).not.toContain('name="audienceKind"');
    expect(editHtml).not.toContain('name="opensAt"');
    expect(editHtml).toContain('name="deadline"');
    expect(editHtml).toContain(">Follow<");
    const questionsHtml = renderPage(Questions, await get(questions.loader, staff, `${id}/questions`, p));
    expect(questionsHtml).toContain("The questions are fixed since the consultation opened");
    expect(questionsHtml).not.toContain("Add a question");
    expect(questionsHtml).not.toContain('name="intent"');
  });

  it("the index, for the secretariat and for a member", async () => {
    const staffHtml = renderPage(Index, await get(index.loader, staff, ""));
    expectSoundMarkup(staffHtml);
    expect(staffHtml).toContain("New consultation");
    expect(staffHtml).toContain('<th scope="col">Deadline</th>');
    const memberHtml = renderPage(Index, await get(index.loader, member, ""));
    expectSoundMarkup(memberHtml);
    expect(memberHtml).not.toContain("New consultation");
    expect(memberHtml).toContain("Open for your answers");
    expect(memberHtml).toContain("Times are in Asia/Manila (GMT+8).");
  });
});
