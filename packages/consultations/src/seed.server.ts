import type { SeedContext } from "@commons/plugin-sdk/server";
import { MODULE_ID, respondentKey, type QuestionKind } from "./constants.ts";
import type { Answer } from "./questions/kinds.ts";
// Types only: server.ts imports this file, and the manifest imports server.ts.
import type { settings } from "./settings.ts";

type Ctx = SeedContext<typeof settings>;

export const DEMO_TIMEZONE = "Asia/Manila";

const DAY = 86_400_000;

interface QuestionPlan {
  kind: QuestionKind;
  prompt: string;
  help?: string;
  required?: boolean;
  options?: string[];
  scale?: [string, string];
  /** The n-th respondent's answer (undefined: left unanswered). */
  answer: (n: number) => Answer | undefined;
}

interface ConsultationPlan {
  title: string;
  purpose: string;
  background: string;
  visibility: "SECRETARIAT" | "PARTICIPANTS" | "ANONYMOUS";
  /** Days from today. */
  opened: number;
  deadline: number;
  closed: boolean;
  /** Of the organisations with people, the share that submitted and that only saved a draft. */
  submitted: number;
  drafted: number;
  questions: QuestionPlan[];
  statement?: { text: string; commitments: string; published: number };
}

const PRIORITIES = ["Contract disclosure", "Beneficial ownership", "Rehabilitation funds", "Free, prior and informed consent"];
const CHANNELS = ["Email", "SMS", "Community radio", "Face-to-face meetings"];
const COMMENTS = [
  "Only if the coalition publishes the full text of the contracts, not summaries.",
  "Our communities in the uplands were never consulted on the last revision.",
  "We support it, and we can help with the provincial dialogues.",
  "",
];
const LONG = [
  "Local governments receive their share late and without explanation. A public calendar of transfers would help us follow the money.",
  "Small-scale miners need a place in this position paper; they are affected by the fiscal regime too.",
  "We would add a section on the environmental guarantee funds and who can draw on them.",
  "The paper should name the agencies responsible for each recommendation, with dates.",
  "Indigenous peoples' organisations should co-sign, not only be consulted.",
];

const pick = <T,>(list: readonly T[], n: number): T => list[n % list.length]!;
const rotate = <T,>(list: readonly T[], n: number): T[] => [...list.slice(n % list.length), ...list.slice(0, n % list.length)];

const PLANS: ConsultationPlan[] = [
  {
    title: "Position paper: reform of the mining fiscal regime",
    purpose: "Agree the coalition's position before the Senate hearings on the new fiscal regime for large-scale metallic mining.",
    background:
      "The draft bill changes royalties, the share of local governments and the rules on disclosure.\n\n" +
      "**What we ask of you:** read the draft position paper and tell us what to keep, what to change and what is missing.\n\n" +
      "- Royalties on mineral reservations and outside them\n- Transfers to host communities\n- Publication of contracts",
    visibility: "SECRETARIAT",
    opened: -6,
    deadline: 9,
    closed: false,
    submitted: 0.4,
    drafted: 0.2,
    questions: [
      { kind: "SINGLE_CHOICE", prompt: "Which issue should the position paper lead with?", required: true, options: PRIORITIES, answer: (n) => pick(PRIORITIES, n * 3 + 1) },
      { kind: "MULTIPLE_CHOICE", prompt: "How should we share the final paper with your members?", options: CHANNELS, answer: (n) => CHANNELS.filter((_, i) => (n + i) % 3 !== 0) },
      { kind: "SCALE", prompt: "How far do you agree with the draft as it stands?", scale: ["Not at all", "Fully"], required: true, answer: (n) => (n * 7) % 5 + 1 },
      { kind: "RANKING", prompt: "Rank the recommendations by importance to your communities.", options: PRIORITIES, answer: (n) => rotate(PRIORITIES, n) },
      { kind: "YES_NO", prompt: "Will your organisation co-sign the paper?", help: "Tell us your conditions in the comment, if any.", answer: (n) => ({ answer: n % 4 === 3 ? "no" : "yes", comment: pick(COMMENTS, n) }) },
      { kind: "LONG_TEXT", prompt: "What is missing from the draft?", answer: (n) => (n % 3 === 2 ? undefined : pick(LONG, n)) },
    ],
  },
  {
    title: "Advocacy priorities for the EITI validation",
    purpose: "Choose the three issues the coalition raises with the multi-stakeholder group before the country's EITI validation.",
    background: "The validation looks at how the Philippines meets the EITI Standard. Civil society has a seat at the table; this is how we decide what to say there.",
    visibility: "PARTICIPANTS",
    opened: -45,
    deadline: -15,
    closed: true,
    submitted: 0.65,
    drafted: 0.1,
    questions: [
      { kind: "RANKING", prompt: "Rank these issues for the validation.", required: true, options: PRIORITIES, answer: (n) => rotate(PRIORITIES, (n * 5) % 4) },
      { kind: "SCALE", prompt: "How well does the multi-stakeholder group listen to civil society today?", scale: ["Not at all", "Very well"], answer: (n) => (n % 4) + 1 },
      { kind: "YES_NO", prompt: "Should the coalition ask for a delay of the validation?", answer: (n) => ({ answer: n % 3 === 0 ? "yes" : "no", comment: n % 3 === 0 ? pick(COMMENTS, n) : "" }) },
      { kind: "SHORT_TEXT", prompt: "One sentence for the coalition's statement to the group", answer: (n) => pick(["Publish every contract.", "Follow the money to the barangay.", "No validation without consent.", "Open data, open doors."], n) },
    ],
    statement: {
      text:
        "## What we heard\n\nMost of you put **contract disclosure** first, and many told us the multi-stakeholder group listens only in part.\n\n" +
        "## What we will do\n\nWe will raise contract disclosure and beneficial ownership at the next meeting of the group, and report back within a month.",
      commitments: "Table contract disclosure at the next multi-stakeholder group meeting | https://eiti.org/countries/philippines\nPublish the coalition's statement to the group\nReport back to members within 30 days",
      published: -10,
    },
  },
];

/**
 * Demo data for a coalition whose consultations module is switched on by the seed (`npm
 * start` seeds the "open-extractives" demo coalition): one open consultation that part of
 * the members have answered (some submitted, some drafts) and one closed consultation with
 * its results, a published "you said, we did" statement and some "feel heard" answers.
 * Written as the pages would write them; a consultation whose title is already there is
 * left alone, so running it twice writes nothing new. With nobody in the secretariat or no
 * active organisation it writes nothing.
 */
export async function seedDemo({ db, tenantId, members, log }: Ctx): Promise<void> {
  // The demo coalition (the Open Extractives Alliance) works in the Philippines: its times are
  // typed and shown in Manila time. Only while the module's settings are still the seed's empty row.
  await db.moduleSetting.updateMany({ where: { moduleId: MODULE_ID, settings: { equals: {} } }, data: { settings: { timezone: DEMO_TIMEZONE } } });
  const owner = members.find((m) => m.role === "SECRETARIAT_STAFF") ?? members.find((m) => m.role === "SECRETARIAT_ADMIN");
  const active = await db.organisation.findMany({ where: { status: "ACTIVE" }, orderBy: { name: "asc" }, select: { id: true } });
  if (!owner || !active.length) {
    log.info("consultations: no secretariat or no active organisation; nothing seeded", { tenantId });
    return;
  }
  // Who answers for an organisation: its focal point, else the first of its other people.
  const answerer = new Map<string, string>();
  for (const m of [...members.filter((m) => m.role === "FOCAL_POINT"), ...members.filter((m) => m.role === "MEMBER")]) {
    if (m.organisationId && !answerer.has(m.organisationId)) answerer.set(m.organisationId, m.userId);
  }
  const existing = new Set((await db.consultation.findMany({ where: { title: { in: PLANS.map((p) => p.title) } }, select: { title: true } })).map((c) => c.title));
  const today = Date.now();
  const at = (days: number) => new Date(today + days * DAY);

  for (const plan of PLANS) {
    if (existing.has(plan.title)) continue;
    const deadline = at(plan.deadline);
    const consultation = await db.consultation.create({
      data: {
        tenantId,
        title: plan.title,
        purpose: plan.purpose,
        background: plan.background,
        status: plan.closed ? "CLOSED" : "OPEN",
        audienceKind: "ALL",
        mode: "ORGANISATION",
        visibility: plan.visibility,
        opensAt: at(plan.opened),
        openedAt: at(plan.opened),
        deadline,
        closedAt: plan.closed ? deadline : null,
        statement: plan.statement?.text ?? "",
        commitments: plan.statement?.commitments ?? "",
        statementPublishedAt: plan.statement ? at(plan.statement.published) : null,
        createdById: owner.userId,
        createdAt: at(plan.opened - 3),
      },
      select: { id: true },
    });
    const questions = await db.consultationsQuestion.createManyAndReturn({
      data: plan.questions.map((q, position) => ({
        tenantId,
        consultationId: consultation.id,
        position,
        kind: q.kind,
        prompt: q.prompt,
        help: q.help ?? "",
        required: q.required ?? false,
        options: q.options ?? [],
        scaleMinLabel: q.scale?.[0] ?? "",
        scaleMaxLabel: q.scale?.[1] ?? "",
      })),
      select: { id: true, position: true },
    });
    const questionId = new Map(questions.map((q) => [q.position, q.id]));
    // Every active organisation was asked, fixed when it opened.
    await db.consultationsRecipient.createMany({
      data: active.map((o) => ({ tenantId, consultationId: consultation.id, respondentKey: respondentKey.organisation(o.id), organisationId: o.id, createdAt: at(plan.opened) })),
    });
    // Of the organisations with someone to answer, the first share submitted, the next saved a draft.
    const answering = active.filter((o) => answerer.has(o.id));
    const submitted = Math.round(answering.length * plan.submitted);
    const drafted = Math.round(answering.length * plan.drafted);
    const responses = answering.slice(0, submitted + drafted).map((o, n) => {
      const userId = answerer.get(o.id)!;
      const isSubmitted = n < submitted;
      const answers: Record<string, Answer> = {};
      plan.questions.forEach((q, position) => {
        // A draft is half done: its first questions only.
        if (!isSubmitted && position >= Math.ceil(plan.questions.length / 2)) return;
        const answer = q.answer(n);
        if (answer !== undefined) answers[questionId.get(position)!] = answer;
      });
      const saved = new Date(Math.min(today, deadline.getTime()) - ((n * 7) % 96) * 3_600_000);
      return {
        tenantId,
        consultationId: consultation.id,
        respondentKey: respondentKey.organisation(o.id),
        organisationId: o.id,
        status: isSubmitted ? ("SUBMITTED" as const) : ("DRAFT" as const),
        answers,
        version: isSubmitted ? 2 : 1,
        updatedById: userId,
        submittedById: isSubmitted ? userId : null,
        submittedAt: isSubmitted ? saved : null,
        // After the statement, some of those who answered say whether they feel heard.
        feltHeard: plan.statement && isSubmitted && n % 3 !== 2 ? n % 4 !== 1 : null,
        createdAt: new Date(saved.getTime() - DAY),
        updatedAt: saved,
      };
    });
    if (responses.length) await db.consultationsResponse.createMany({ data: responses });
    log.info("consultations: demo consultation seeded", { title: plan.title, recipients: active.length, submitted, drafted });
  }
}
