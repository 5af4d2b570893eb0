import type { SeedContext } from "@commons/plugin-sdk/server";
// Types only: server.ts imports this file, and the manifest imports server.ts.
import type { settings } from "../manifest.ts";
import type { DELIVERABLE_STATUSES } from "./constants.ts";

type Ctx = SeedContext<typeof settings>;
type Member = Ctx["members"][number];
type RaciRole = "R" | "A" | "C" | "I";
type TaskStatus = "TODO" | "DOING" | "DONE";
type Holder = { userId: string } | { organisationId: string };

/** A role on a deliverable, held by someone who may be missing in a small coalition. */
type RaciEntry = [RaciRole, Holder | undefined];

interface DeliverablePlan {
  title: string;
  description: string;
  /** Days from today (negative: in the past). */
  due: number;
  status: (typeof DELIVERABLE_STATUSES)[number];
  /** The Accountable first: the first entry whose holder exists is the one Accountable. */
  raci: RaciEntry[];
  tasks: { title: string; status: TaskStatus; assignee?: Member; due?: number }[];
  /** Published this many days ago, with this text. */
  output?: { text: string; daysAgo: number };
}

interface TaskforcePlan {
  name: string;
  mandate: string;
  lead: Member;
  members: Member[];
  deliverables: DeliverablePlan[];
  notes: { title: string; body: string; daysAgo: number }[];
}

const DAY = 86_400_000;

/** A calendar date `offset` days from `today` (midnight UTC, as DATE columns hold it). */
const dayFrom = (today: Date, offset: number) => new Date(today.getTime() + offset * DAY);

/** Up to `n` people from `list`, starting at `from` and wrapping around: few people still fill every slot they can. */
function around(list: readonly Member[], from: number, n: number): Member[] {
  return Array.from({ length: Math.min(n, list.length) }, (_, i) => list[(from + i) % list.length]!);
}

const person = (m: Member | undefined): Holder | undefined => (m ? { userId: m.userId } : undefined);
const organisation = (id: string | undefined): Holder | undefined => (id ? { organisationId: id } : undefined);

/**
 * The matrix the RACI editor would save: one row per person and per organisation, exactly
 * one Accountable, people only from the taskforce. Entries whose holder is missing (a small
 * coalition) or already holds a role are left out; when the Accountable is, the lead is.
 */
function matrix(entries: readonly RaciEntry[], members: ReadonlySet<string>, lead: string) {
  const rows: { role: RaciRole; userId: string | null; organisationId: string | null }[] = [];
  const taken = new Set<string>();
  let accountable = false;
  for (const [role, holder] of entries) {
    if (!holder) continue;
    const key = "userId" in holder ? `u:${holder.userId}` : `o:${holder.organisationId}`;
    if (taken.has(key) || ("userId" in holder && !members.has(holder.userId)) || (role === "A" && accountable)) continue;
    taken.add(key);
    accountable ||= role === "A";
    rows.push({ role, userId: "userId" in holder ? holder.userId : null, organisationId: "organisationId" in holder ? holder.organisationId : null });
  }
  if (!accountable) {
    const own = rows.find((r) => r.userId === lead);
    if (own) own.role = "A";
    else rows.unshift({ role: "A", userId: lead, organisationId: null });
  }
  return rows;
}

/**
 * Demo data for a coalition that has just switched the plugin on (`npm start` seeds the
 * "open-extractives" demo coalition): two taskforces on extractives transparency, led by the
 * secretariat, with focal points and members in them, deliverables with their RACI matrix
 * (people and organisations), tasks in every column, meeting notes and one published output.
 * Works with however few people the coalition has; with nobody who may see taskforces, it
 * writes nothing.
 */
export async function seedDemo({ db, tenantId, members, organisations, log }: Ctx): Promise<void> {
  const secretariat = [...members.filter((m) => m.role === "SECRETARIAT_STAFF"), ...members.filter((m) => m.role === "SECRETARIAT_ADMIN")];
  const contributors = [...members.filter((m) => m.role === "FOCAL_POINT"), ...members.filter((m) => m.role === "MEMBER")];
  const everyone = [...secretariat, ...contributors];
  if (!everyone.length) {
    log.info("taskforce: no one in the coalition may see taskforces; nothing seeded", { tenantId });
    return;
  }
  // Organisations of the people in the taskforces first (their people are emailed when the
  // organisation holds a role), then the others by name.
  const organisationIds = [...new Set([...contributors.flatMap((m) => (m.organisationId ? [m.organisationId] : [])), ...organisations.map((o) => o.id)])];
  const org = (i: number) => organisationIds[i];

  const boLead = secretariat[0] ?? contributors[0]!;
  const bo = around(contributors, 0, 4);
  const mrfLead = secretariat[1] ?? boLead;
  const mrf = around(contributors, 3, 4);
  const today = new Date(new Date().toISOString().slice(0, 10));

  const plans: TaskforcePlan[] = [
    {
      name: "Beneficial ownership disclosure taskforce",
      mandate:
        "Make the real owners of mining, oil and gas companies operating in the Philippines public. The taskforce compares what companies declare to the SEC with what the PH-EITI country reports show, documents the gaps, and proposes a public, searchable beneficial ownership register to legislators and the PH-EITI multi-stakeholder group before the next budget hearings.",
      lead: boLead,
      members: bo,
      deliverables: [
        {
          title: "Gap analysis of beneficial ownership declarations",
          description:
            "For the 40 largest mining and petroleum companies: the owners declared in their SEC General Information Sheets against those in the PH-EITI reports, with missing owners, nominee shareholders and undisclosed politically exposed persons listed company by company.",
          due: 2,
          status: "IN_PROGRESS",
          raci: [["A", person(boLead)], ["R", person(bo[0])], ["R", organisation(org(1))], ["C", person(bo[1])], ["I", organisation(org(2))], ["I", person(bo[2])]],
          tasks: [
            { title: "Collect the General Information Sheets of the 40 companies", status: "DONE", assignee: bo[0], due: -12 },
            { title: "Match declared owners against the PH-EITI country reports", status: "DOING", assignee: bo[1], due: 1 },
            { title: "Draft the findings, company by company", status: "TODO", assignee: bo[0], due: 2 },
            { title: "Legal review of the findings before they are shared", status: "TODO" },
          ],
        },
        {
          title: "Policy brief: a public beneficial ownership register",
          description: "Four pages for legislators and the PH-EITI multi-stakeholder group: what a public register should contain, who keeps it, and how communities can search it.",
          due: 45,
          status: "NOT_STARTED",
          raci: [["A", organisation(org(0))], ["R", person(bo[0])], ["C", person(boLead)], ["C", organisation(org(3))], ["I", person(bo[3])]],
          tasks: [
            { title: "Agree the outline at the next meeting", status: "TODO", assignee: boLead, due: 14 },
            { title: "Collect register laws from other EITI countries", status: "TODO", assignee: bo[3] },
          ],
        },
        {
          title: "Summary of the consultation with industry and government",
          description: "What the Chamber of Mines, the Mines and Geosciences Bureau and the SEC said at the coalition’s consultation on disclosing beneficial owners.",
          due: -14,
          status: "DONE",
          raci: [["A", person(boLead)], ["R", person(bo[2])], ["I", organisation(org(2))]],
          tasks: [
            { title: "Send the consultation notes to the participants", status: "DONE", assignee: bo[2], due: -20 },
            { title: "Write the summary", status: "DONE", assignee: bo[2], due: -15 },
          ],
          output: {
            daysAgo: 7,
            text: [
              "Industry and government agree that the owners of extractive companies should be known; they disagree on who may see them.",
              "The Mines and Geosciences Bureau supports linking mining permits to the SEC's beneficial ownership declarations. The SEC will share declarations with government agencies, but not yet with the public. Industry asked for a threshold of 25% ownership; the coalition argued for 10%, with no threshold for politically exposed persons.",
              "Next steps: the taskforce's gap analysis will show what is missing today, and its policy brief will propose a public register.",
            ].join("\n\n"),
          },
        },
      ],
      notes: [
        {
          title: "Kick-off meeting",
          daysAgo: 28,
          body: "Agreed the mandate and the three deliverables.\nThe secretariat leads; focal points collect company filings in their regions.\nNext meeting in two weeks: first look at the filings.",
        },
        {
          title: "Check-in on the gap analysis",
          daysAgo: 6,
          body: "31 of 40 filings collected; nine companies have not filed this year.\nTwo filings name a nominee as the only owner: flag them in the findings.\nThe legal review needs a week: book it now.",
        },
      ],
    },
    {
      name: "Community monitoring of mine rehabilitation funds",
      mandate:
        "Equip communities in host and neighbouring barangays to follow the money set aside to rehabilitate mine sites: the Contingent Mine Rehabilitation Fund and the Final Mine Rehabilitation and Decommissioning Fund. The taskforce writes a monitoring toolkit, trains community monitors, and reports what they find to the Mine Rehabilitation Fund Committees.",
      lead: mrfLead,
      members: mrf,
      deliverables: [
        {
          title: "Monitoring toolkit for host communities",
          description: "A checklist and a short guide: what the rehabilitation plan promises, what to look for on site, how to read the fund's reports, and where to raise a concern.",
          due: 20,
          status: "IN_REVIEW",
          raci: [["A", person(mrfLead)], ["R", person(mrf[0])], ["R", organisation(org(4))], ["C", organisation(org(5))], ["C", person(mrf[1])], ["I", person(mrf[2])]],
          tasks: [
            { title: "Field-test the checklist in two host barangays", status: "DONE", assignee: mrf[0], due: -5 },
            { title: "Translate the checklist into Cebuano and Tagalog", status: "DOING", assignee: mrf[1], due: 10 },
            { title: "Layout and printing of 500 copies", status: "TODO", due: 18 },
          ],
        },
        {
          title: "First-round monitoring report to the Mine Rehabilitation Fund Committees",
          description: "What the community monitors found at the first six sites, with photos, and the questions the committees are asked to answer.",
          due: 75,
          status: "NOT_STARTED",
          raci: [["A", person(mrf[0])], ["R", organisation(org(4))], ["R", person(mrf[3])], ["C", person(mrfLead)], ["I", organisation(org(5))]],
          tasks: [{ title: "Choose the six sites with the community monitors", status: "TODO", assignee: mrf[3], due: 30 }],
        },
      ],
      notes: [
        {
          title: "Planning meeting with the community monitors",
          daysAgo: 10,
          body: "Twelve monitors from four provinces joined, six of them online.\nThey asked for the checklist in their own languages and for a contact at each committee.\nThe field test went well; the photos section needs clearer instructions.",
        },
      ],
    },
  ];

  for (const plan of plans) {
    const created = await db.taskforce.create({ data: { tenantId, name: plan.name, mandate: plan.mandate, leadUserId: plan.lead.userId }, select: { id: true } });
    const memberIds = new Set([plan.lead.userId, ...plan.members.map((m) => m.userId)]);
    await db.taskforceMember.createMany({ data: [...memberIds].map((userId) => ({ tenantId, taskforceId: created.id, userId })) });
    for (const d of plan.deliverables) {
      const deliverable = await db.taskforceDeliverable.create({
        data: {
          tenantId,
          taskforceId: created.id,
          title: d.title,
          description: d.description,
          dueDate: dayFrom(today, d.due),
          status: d.status,
          ...(d.output ? { output: d.output.text, publishedAt: dayFrom(new Date(), -d.output.daysAgo) } : {}),
        },
        select: { id: true },
      });
      await db.taskforceRaciAssignment.createMany({ data: matrix(d.raci, memberIds, plan.lead.userId).map((row) => ({ tenantId, deliverableId: deliverable.id, ...row })) });
      await db.taskforceTask.createMany({
        data: d.tasks.map((task) => ({
          tenantId,
          deliverableId: deliverable.id,
          title: task.title,
          status: task.status,
          // Tasks go to members of the taskforce only, as the board's form requires.
          assigneeUserId: task.assignee && memberIds.has(task.assignee.userId) ? task.assignee.userId : null,
          dueDate: task.due === undefined ? null : dayFrom(today, task.due),
        })),
      });
    }
    await db.taskforceMeetingNote.createMany({
      data: plan.notes.map((n) => ({ tenantId, taskforceId: created.id, heldOn: dayFrom(today, -n.daysAgo), title: n.title, body: n.body, authorUserId: plan.lead.userId })),
    });
  }
  log.info("taskforce: demo taskforces seeded", { taskforces: plans.length });
}
