import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type OtherTenant, type PluginHarness } from "@commons/plugin-sdk/testing";
import { checkModules } from "@commons/plugin-sdk";
import { defineModuleServer, provideModuleNavigation } from "@commons/plugin-sdk/server";
import taskforce from "../manifest.ts";
import server from "../server.ts";
import * as list from "../routes/taskforces.tsx";
import * as page from "../routes/taskforce.tsx";
import * as deliverablePage from "../routes/deliverable.tsx";

useTestDatabase();

let h: PluginHarness;
let admin: HarnessPerson;
let lead: HarnessPerson;
let member: HarnessPerson;
let bystander: HarnessPerson;
let stakeholder: HarnessPerson;
let other: OtherTenant;
let taskforceId: string;
let deliverableId: string;

/** POSTs a form to one of the plugin's actions as `person`. */
function post<R>(person: HarnessPerson, action: (args: never) => R, sub: string, params: Record<string, string>, form: Record<string, string>, harness: { path(sub?: string): string } = h) {
  return h.call(action as never, { request: person.request(harness.path(sub), { form }), params }) as ReturnType<PluginHarness["call"]>;
}

function get<R>(person: HarnessPerson, loader: (args: never) => R, sub: string, params: Record<string, string> = {}) {
  return h.call(loader as never, { request: person.request(h.path(sub)), params }) as ReturnType<PluginHarness["call"]>;
}

const raciCount = () => h.db((db) => db.taskforceRaciAssignment.count({ where: { deliverableId } }));

beforeAll(async () => {
  h = await createPluginHarness(taskforce);
  admin = await h.person({ role: "SECRETARIAT_ADMIN" });
  lead = await h.person({ role: "MEMBER", name: "Lena Lead" });
  member = await h.person({ role: "FOCAL_POINT", name: "Mo Member" });
  bystander = await h.person({ role: "MEMBER", name: "Bea Bystander" });
  stakeholder = await h.person({ role: "STAKEHOLDER" });
  other = await h.otherTenant();

  const created = await post(admin, list.action, "", {}, { intent: "create", name: "Practical steps", mandate: "Identify, consolidate and disseminate practical steps.", leadEmail: lead.email.toUpperCase() });
  expect(created.status).toBe(302);
  const location = created.headers.get("Location") ?? "";
  taskforceId = location.split("/").at(-1)!;
  expect(location).toBe(h.path(taskforceId));

  const added = await post(admin, page.action, taskforceId, { taskforceId }, { intent: "addMember", email: member.email });
  expect(added.data).toMatchObject({ ok: true });
  const deliverable = await post(lead, page.action, taskforceId, { taskforceId }, { intent: "addDeliverable", title: "Guide", description: "A short guide", dueDate: "2027-03-31" });
  expect(deliverable.data).toMatchObject({ ok: true });
  deliverableId = (await h.db((db) => db.taskforceDeliverable.findFirstOrThrow({ where: { taskforceId }, select: { id: true } }))).id;
});

afterAll(() => h?.close());

describe("the manifest", () => {
  it("passes the portal's build-time checks, files included", () => {
    expect(checkModules([taskforce], "0.1.0", { checkFiles: true })).toEqual([]);
  });

  it("matches its server entry: every subscriber and job declared, every declared job has a processor", () => {
    // server.ts cannot call defineModuleServer itself: its manifest import would be a cycle.
    expect(defineModuleServer(taskforce, server)).toBe(server);
    expect(Object.keys(server.jobs ?? {})).toEqual(Object.keys(taskforce.jobs ?? {}));
  });
});

describe("taskforces", () => {
  it("lists the coalition's taskforces with their lead, and lets the secretariat create one", async () => {
    const result = await get(admin, list.loader, "");
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ canCreate: true, taskforces: [{ id: taskforceId, name: "Practical steps", lead: "Lena Lead", members: 2, status: "OPEN" }] });
    const asMember = await get(member, list.loader, "");
    expect(asMember.data).toMatchObject({ canCreate: false });
  });

  it("refuses a lead who is not a member of the coalition, keeping what was typed", async () => {
    const result = await post(admin, list.action, "", {}, { intent: "create", name: "Another", mandate: "M", leadEmail: other.member.email });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ ok: false, errors: { leadEmail: "No member of this coalition has that email address" }, values: { name: "Another" } });
    expect(await h.db((db) => db.taskforce.count())).toBe(1);
  });

  it("does not let a member without taskforce:manage create a taskforce (404)", async () => {
    const result = await post(member, list.action, "", {}, { intent: "create", name: "Mine", mandate: "M", leadEmail: member.email });
    expect(result.status).toBe(404);
    expect(await h.db((db) => db.taskforce.count())).toBe(1);
  });

  it("hides everything from stakeholders (404)", async () => {
    expect((await get(stakeholder, list.loader, "")).status).toBe(404);
    expect((await get(stakeholder, page.loader, taskforceId, { taskforceId })).status).toBe(404);
  });

  it("shows the taskforce page with mandate, lead, members and deliverables; only members contribute", async () => {
    const result = await get(member, page.loader, taskforceId, { taskforceId });
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({
      taskforce: { name: "Practical steps", lead: "Lena Lead", status: "OPEN" },
      access: { isMember: true, canManage: false, canContribute: true },
      deliverables: [{ id: deliverableId, title: "Guide", dueDate: "2027-03-31" }],
    });
    const asBystander = await get(bystander, page.loader, taskforceId, { taskforceId });
    expect(asBystander.data).toMatchObject({ access: { isMember: false, canManage: false, canContribute: false } });
  });

  it("adds meeting notes by a member, and refuses them from a coalition member outside the taskforce", async () => {
    const ok = await post(member, page.action, taskforceId, { taskforceId }, { intent: "addNote", noteTitle: "Kick-off", heldOn: "2026-11-20", body: "We met.\n<script>x</script>" });
    expect(ok.data).toMatchObject({ ok: true });
    const refused = await post(bystander, page.action, taskforceId, { taskforceId }, { intent: "addNote", noteTitle: "Sneaky", heldOn: "2026-11-20", body: "x" });
    expect(refused.status).toBe(404);
    const invalid = await post(member, page.action, taskforceId, { taskforceId }, { intent: "addNote", noteTitle: "", heldOn: "2026-02-30", body: "x" });
    expect(invalid.status).toBe(400);
    expect(invalid.data).toMatchObject({ form: "addNote", errors: { noteTitle: "Enter the title", heldOn: expect.stringContaining("real date") } });
    const notes = await h.db((db) => db.taskforceMeetingNote.findMany({ where: { taskforceId }, select: { title: true, authorUserId: true } }));
    expect(notes).toEqual([{ title: "Kick-off", authorUserId: member.id }]);
  });

  it("hands the coalition bar, built in the page's transaction, back as `member` from every page", async () => {
    provideModuleNavigation(async (_db, tenant, { role }) => ({ bar: tenant.slug, role }));
    try {
      const bar = { bar: h.tenant.slug, role: "FOCAL_POINT" };
      expect((await get(member, list.loader, "")).data).toMatchObject({ member: bar });
      expect((await get(member, page.loader, taskforceId, { taskforceId })).data).toMatchObject({ member: bar });
      expect((await get(member, deliverablePage.loader, `deliverables/${deliverableId}`, { deliverableId })).data).toMatchObject({ member: bar });
    } finally {
      provideModuleNavigation(null);
    }
  });

  it("adds a member only by the email of a coalition member, once", async () => {
    const stranger = await post(admin, page.action, taskforceId, { taskforceId }, { intent: "addMember", email: other.member.email });
    expect(stranger.data).toMatchObject({ errors: { email: "No member of this coalition has that email address" } });
    const twice = await post(admin, page.action, taskforceId, { taskforceId }, { intent: "addMember", email: member.email });
    expect(twice.data).toMatchObject({ errors: { email: "That person is already a member of the taskforce" } });
  });
});

describe("the RACI matrix", () => {
  it("refuses a matrix without an Accountable, with the message, writing nothing", async () => {
    const result = await post(lead, deliverablePage.action, `deliverables/${deliverableId}`, { deliverableId }, { intent: "raci", [`role:${lead.id}`]: "R", [`role:${member.id}`]: "C" });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ ok: false, form: "raci", errors: { raci: "Choose one person or organisation as Accountable" } });
    expect(await raciCount()).toBe(0);
  });

  it("refuses two Accountable people, with the message, writing nothing", async () => {
    const result = await post(lead, deliverablePage.action, `deliverables/${deliverableId}`, { deliverableId }, { intent: "raci", [`role:${lead.id}`]: "A", [`role:${member.id}`]: "A" });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ errors: { raci: "Choose only one person as Accountable, not 2" } });
    expect(await raciCount()).toBe(0);
  });

  it("refuses people outside the taskforce (of this coalition or another), keeping what was typed, writing nothing", async () => {
    for (const outsider of [bystander, other.member]) {
      const result = await post(lead, deliverablePage.action, `deliverables/${deliverableId}`, { deliverableId }, { intent: "raci", [`role:${lead.id}`]: "A", [`role:${outsider.id}`]: "C" });
      expect(result.status).toBe(400);
      expect(result.data).toMatchObject({ errors: { raci: expect.stringContaining("Only members of the taskforce") }, values: { [`role:${lead.id}`]: "A" } });
    }
    expect(await raciCount()).toBe(0);
  });

  it("saves exactly one Accountable and shows the matrix, saying who is a person", async () => {
    const result = await post(lead, deliverablePage.action, `deliverables/${deliverableId}`, { deliverableId }, { intent: "raci", [`role:${lead.id}`]: "A", [`role:${member.id}`]: "R" });
    expect(result.data).toMatchObject({ ok: true, notice: "Responsibilities saved." });
    const view = await get(bystander, deliverablePage.loader, `deliverables/${deliverableId}`, { deliverableId });
    expect(view.data).toMatchObject({ raci: [{ kind: "person", name: "Lena Lead", role: "A" }, { kind: "person", name: "Mo Member", role: "R" }] });
    expect(await raciCount()).toBe(2);

    // A later invalid save leaves the saved matrix as it was.
    await post(lead, deliverablePage.action, `deliverables/${deliverableId}`, { deliverableId }, { intent: "raci", [`role:${lead.id}`]: "I" });
    expect(await raciCount()).toBe(2);
  });

  it("is not editable by a taskforce member who is neither lead nor secretariat (404)", async () => {
    const result = await post(member, deliverablePage.action, `deliverables/${deliverableId}`, { deliverableId }, { intent: "raci", [`role:${member.id}`]: "A" });
    expect(result.status).toBe(404);
    expect(await h.db((db) => db.taskforceRaciAssignment.findFirst({ where: { deliverableId, userId: member.id }, select: { role: true } }))).toEqual({ role: "R" });
  });
});

describe("the task board", () => {
  let taskId: string;

  beforeAll(async () => {
    const added = await post(member, deliverablePage.action, `deliverables/${deliverableId}`, { deliverableId }, { intent: "addTask", title: "Draft chapter 1", assignee: member.id, dueDate: "2027-01-15" });
    expect(added.data).toMatchObject({ ok: true });
    taskId = (await h.db((db) => db.taskforceTask.findFirstOrThrow({ where: { deliverableId }, select: { id: true } }))).id;
  });

  const status = () => h.db((db) => db.taskforceTask.findFirstOrThrow({ where: { id: taskId }, select: { status: true } }).then((r) => r.status));

  it("moves a task by a plain form post, and shows it in its column", async () => {
    const result = await post(member, deliverablePage.action, `deliverables/${deliverableId}`, { deliverableId }, { intent: "taskStatus", taskId, status: "DOING" });
    expect(result.data).toMatchObject({ ok: true, notice: "Task “Draft chapter 1” moved to Doing." });
    expect(await status()).toBe("DOING");
    const view = await get(member, deliverablePage.loader, `deliverables/${deliverableId}`, { deliverableId });
    expect(view.data).toMatchObject({ tasks: [{ id: taskId, status: "DOING", assignee: "Mo Member", dueDate: "2027-01-15" }] });
  });

  it("refuses an unknown status with a message", async () => {
    const result = await post(member, deliverablePage.action, `deliverables/${deliverableId}`, { deliverableId }, { intent: "taskStatus", taskId, status: "ARCHIVED" });
    expect(result.status).toBe(400);
    expect(await status()).toBe("DOING");
  });

  it("refuses a coalition member outside the taskforce (404), changing nothing", async () => {
    const result = await post(bystander, deliverablePage.action, `deliverables/${deliverableId}`, { deliverableId }, { intent: "taskStatus", taskId, status: "DONE" });
    expect(result.status).toBe(404);
    expect(await status()).toBe("DOING");
  });

  it("refuses a task of another deliverable posted to this one (404), changing nothing", async () => {
    await post(lead, page.action, taskforceId, { taskforceId }, { intent: "addDeliverable", title: "Second", dueDate: "2027-06-30" });
    const second = (await h.db((db) => db.taskforceDeliverable.findFirstOrThrow({ where: { title: "Second" }, select: { id: true } }))).id;
    const result = await post(admin, deliverablePage.action, `deliverables/${second}`, { deliverableId: second }, { intent: "taskStatus", taskId, status: "DONE" });
    expect(result.status).toBe(404);
    expect(await status()).toBe("DOING");
  });

  it("refuses an assignee outside the taskforce", async () => {
    const result = await post(member, deliverablePage.action, `deliverables/${deliverableId}`, { deliverableId }, { intent: "addTask", title: "X", assignee: bystander.id });
    expect(result.data).toMatchObject({ errors: { assignee: "Choose a member of the taskforce" } });
  });
});

describe("publishing", () => {
  it("records taskforce.deliverable_published in the outbox with the deliverable id", async () => {
    const result = await post(lead, deliverablePage.action, `deliverables/${deliverableId}`, { deliverableId }, { intent: "publish", output: "Ten practical steps." });
    expect(result.data).toMatchObject({ ok: true, notice: "Output published." });
    const events = await h.events("taskforce.deliverable_published");
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toEqual({ deliverableId, taskforceId, audience: "coalition" });
    const listed = await get(bystander, list.loader, "");
    expect(listed.data).toMatchObject({ published: [{ id: deliverableId, title: "Guide", taskforce: "Practical steps" }] });
  });

  it("refuses an empty output and someone who may not publish, recording no event", async () => {
    const empty = await post(lead, deliverablePage.action, `deliverables/${deliverableId}`, { deliverableId }, { intent: "publish", output: "  " });
    expect(empty.data).toMatchObject({ errors: { output: "Enter the output" } });
    const notAllowed = await post(member, deliverablePage.action, `deliverables/${deliverableId}`, { deliverableId }, { intent: "publish", output: "Mine" });
    expect(notAllowed.status).toBe(404);
    expect(await h.events("taskforce.deliverable_published")).toHaveLength(1);
  });
});

describe("another coalition", () => {
  let theirTaskforceId: string;
  let theirDeliverableId: string;

  beforeAll(async () => {
    const created = await other.db(async (db) => {
      const tf = await db.taskforce.create({ data: { tenantId: other.tenant.id, name: "Theirs", mandate: "M", leadUserId: other.member.id }, select: { id: true } });
      await db.taskforceMember.create({ data: { tenantId: other.tenant.id, taskforceId: tf.id, userId: other.member.id } });
      const d = await db.taskforceDeliverable.create({ data: { tenantId: other.tenant.id, taskforceId: tf.id, title: "Theirs", dueDate: new Date("2027-01-01") }, select: { id: true } });
      return { tf: tf.id, d: d.id };
    });
    theirTaskforceId = created.tf;
    theirDeliverableId = created.d;
  });

  it("gets 404 on every route of this coalition (not a member here)", async () => {
    for (const [fn, sub, params] of [
      [list.loader, "", {}],
      [page.loader, taskforceId, { taskforceId }],
      [deliverablePage.loader, `deliverables/${deliverableId}`, { deliverableId }],
    ] as const) {
      const result = await h.call(fn as never, { request: other.member.request(h.path(sub)), params });
      expect(result.status, sub).toBe(404);
    }
  });

  it("cannot reach this coalition's taskforce or task through its own coalition's URLs (404, nothing changed)", async () => {
    const theirs = { tenant: other.tenant.slug };
    const viewed = await h.call(page.loader as never, { request: other.member.request(other.path(taskforceId)), params: { ...theirs, taskforceId } });
    expect(viewed.status).toBe(404);
    const taskId = (await h.db((db) => db.taskforceTask.findFirstOrThrow({ where: { deliverableId }, select: { id: true, status: true } }))).id;
    const moved = await h.call(deliverablePage.action as never, {
      request: other.member.request(other.path(`deliverables/${deliverableId}`), { form: { intent: "taskStatus", taskId, status: "DONE" } }),
      params: { ...theirs, deliverableId },
    });
    expect(moved.status).toBe(404);
    // Their own deliverable's URL with this coalition's task id: still 404.
    const crossed = await h.call(deliverablePage.action as never, {
      request: other.member.request(other.path(`deliverables/${theirDeliverableId}`), { form: { intent: "taskStatus", taskId, status: "DONE" } }),
      params: { ...theirs, deliverableId: theirDeliverableId },
    });
    expect(crossed.status).toBe(404);
    const noted = await h.call(page.action as never, {
      request: other.member.request(other.path(taskforceId), { form: { intent: "addNote", noteTitle: "x", heldOn: "2026-01-01", body: "x" } }),
      params: { ...theirs, taskforceId },
    });
    expect(noted.status).toBe(404);
    expect(await h.db((db) => db.taskforceTask.findFirstOrThrow({ where: { id: taskId }, select: { status: true } }))).toEqual({ status: "DOING" });
    expect(await h.db((db) => db.taskforceMeetingNote.count())).toBe(1);
  });

  it("and this coalition's admin cannot open theirs (404)", async () => {
    const result = await get(admin, page.loader, theirTaskforceId, { taskforceId: theirTaskforceId });
    expect(result.status).toBe(404);
  });

  it("answers 404 for ids that are not ids", async () => {
    expect((await get(admin, page.loader, "not-a-uuid", { taskforceId: "not-a-uuid" })).status).toBe(404);
  });
});

describe("closing a taskforce", () => {
  it("refuses new notes while closed, and takes them again once reopened", async () => {
    expect((await post(lead, page.action, taskforceId, { taskforceId }, { intent: "status" })).data).toMatchObject({ ok: true });
    const refused = await post(member, page.action, taskforceId, { taskforceId }, { intent: "addNote", noteTitle: "Late", heldOn: "2026-11-22", body: "x" });
    expect(refused.status).toBe(409);
    expect(await post(admin, page.action, taskforceId, { taskforceId }, { intent: "status" })).toMatchObject({ status: 200 });
    const accepted = await post(member, page.action, taskforceId, { taskforceId }, { intent: "addNote", noteTitle: "Late", heldOn: "2026-11-22", body: "x" });
    expect(accepted.data).toMatchObject({ ok: true });
  });
});

describe("the module switched off", () => {
  it("answers 404 on its pages and actions, and shows the data again when switched back on", async () => {
    await h.configure({ enabled: false });
    try {
      expect((await get(admin, list.loader, "")).status).toBe(404);
      expect((await get(member, page.loader, taskforceId, { taskforceId })).status).toBe(404);
      const posted = await post(admin, list.action, "", {}, { intent: "create", name: "While off", mandate: "M", leadEmail: lead.email });
      expect(posted.status).toBe(404);
    } finally {
      await h.configure({ enabled: true });
    }
    const back = await get(admin, list.loader, "");
    expect(back.status).toBe(200);
    expect(back.data).toMatchObject({ taskforces: [{ id: taskforceId }] });
  });

  it("keeps published outputs off the list when publishToAllMembers is false", async () => {
    await h.configure({ enabled: true, settings: { publishToAllMembers: false } });
    try {
      expect((await get(member, list.loader, "")).data).toMatchObject({ showPublished: false, published: [] });
    } finally {
      await h.configure({ enabled: true, settings: {} });
    }
  });
});

describe("people Informed on a deliverable", () => {
  it("are emailed once when its status changes, with a link; nobody else is", async () => {
    const saved = await post(lead, deliverablePage.action, `deliverables/${deliverableId}`, { deliverableId }, { intent: "raci", [`role:${lead.id}`]: "A", [`role:${member.id}`]: "I" });
    expect(saved.data).toMatchObject({ ok: true });
    const changed = await post(admin, deliverablePage.action, `deliverables/${deliverableId}`, { deliverableId }, { intent: "deliverableStatus", status: "IN_REVIEW" });
    expect(changed.data).toMatchObject({ ok: true });
    const [event] = await h.events("taskforce.deliverable_status_changed");
    expect(event?.payload).toEqual({ deliverableId, status: "IN_REVIEW" });

    const mailbox = await h.mailbox();
    const first = await h.dispatch("taskforce.deliverable_status_changed", event!.payload as Record<string, unknown>, { eventId: event!.id });
    expect(first.outcome).toBe("ran");
    const message = await mailbox.waitFor((m) => m.to.includes(member.email));
    expect(message.subject).toBe("“Guide” is now In review");
    expect(message.text).toContain(`/c/${h.tenant.slug}/taskforce/deliverables/${deliverableId}`);
    expect(message.headers["list-unsubscribe"]).toBeTruthy();

    // The same event again (a retried job): nobody is emailed twice.
    const again = await h.dispatch("taskforce.deliverable_status_changed", event!.payload as Record<string, unknown>, { eventId: event!.id });
    expect(again.outcome).toBe("already-ran");
    expect(mailbox.messages().filter((m) => m.to.includes(member.email))).toHaveLength(1);
    expect(mailbox.messages().filter((m) => m.to.includes(lead.email))).toHaveLength(0);
  });

  it("records no event when the status does not change", async () => {
    const before = (await h.events("taskforce.deliverable_status_changed")).length;
    await post(admin, deliverablePage.action, `deliverables/${deliverableId}`, { deliverableId }, { intent: "deliverableStatus", status: "IN_REVIEW" });
    expect(await h.events("taskforce.deliverable_status_changed")).toHaveLength(before);
  });
});

describe("comments on a deliverable", () => {
  const commentCount = () => h.db((db) => db.taskforceComment.count({ where: { deliverableId } }));
  const comment = (person: HarnessPerson, body: string) => post(person, deliverablePage.action, `deliverables/${deliverableId}`, { deliverableId }, { intent: "comment", body });

  it("are written by the people Consulted, shown with their author, and refused empty", async () => {
    await post(lead, deliverablePage.action, `deliverables/${deliverableId}`, { deliverableId }, { intent: "raci", [`role:${lead.id}`]: "A", [`role:${member.id}`]: "C" });
    const added = await comment(member, "Add the provinces' own figures <b>too</b>.");
    expect(added.data).toMatchObject({ ok: true, notice: "Comment added." });
    const empty = await comment(member, "   ");
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({ ok: false, errors: { body: expect.any(String) } });
    const shown = await get(member, deliverablePage.loader, `deliverables/${deliverableId}`, { deliverableId });
    expect(shown.data).toMatchObject({ canComment: true, comments: [{ author: "Mo Member", body: "Add the provinces' own figures <b>too</b>." }], commentPages: 1 });
    expect(await commentCount()).toBe(1);
  });

  it("are refused (404) from people only Informed, outside the matrix, or of another coalition, writing nothing", async () => {
    await post(lead, deliverablePage.action, `deliverables/${deliverableId}`, { deliverableId }, { intent: "raci", [`role:${lead.id}`]: "A", [`role:${member.id}`]: "I" });
    expect((await comment(member, "Informed only")).status).toBe(404);
    expect((await comment(bystander, "Not in the matrix")).status).toBe(404);
    const fromOther = await h.call(deliverablePage.action as never, {
      request: other.member.request(h.path(`deliverables/${deliverableId}`), { form: { intent: "comment", body: "From elsewhere" } }),
      params: { deliverableId },
    });
    expect(fromOther.status).toBe(404);
    expect(await commentCount()).toBe(1);
    const asInformed = await get(member, deliverablePage.loader, `deliverables/${deliverableId}`, { deliverableId });
    expect(asInformed.data).toMatchObject({ canComment: false });
  });
});

describe("published outputs by email", () => {
  const subscribe = (person: HarnessPerson, intent: "subscribe" | "unsubscribe") => post(person, list.action, "", {}, { intent });
  const publish = async (output: string) => {
    const result = await post(lead, deliverablePage.action, `deliverables/${deliverableId}`, { deliverableId }, { intent: "publish", output });
    expect(result.data).toMatchObject({ ok: true });
    const events = await h.events("taskforce.deliverable_published");
    const event = events.at(-1)!;
    return h.dispatch("taskforce.deliverable_published", event.payload as Record<string, unknown>, { eventId: event.id });
  };

  it("reach the members who opted in, and only them; opting out stops them", async () => {
    expect((await subscribe(bystander, "subscribe")).data).toMatchObject({ ok: true, notice: "You will be emailed when a taskforce publishes an output." });
    expect((await subscribe(bystander, "subscribe")).data).toMatchObject({ ok: true });
    await subscribe(member, "subscribe");
    expect((await get(bystander, list.loader, "")).data).toMatchObject({ subscribed: true });
    expect((await get(admin, list.loader, "")).data).toMatchObject({ subscribed: false });

    const mailbox = await h.mailbox();
    const subject = "New from Practical steps: Guide";
    const received = (person: HarnessPerson) => mailbox.messages().filter((m) => m.subject === subject && m.to.includes(person.email)).length;

    expect((await publish("Twelve practical steps.")).outcome).toBe("ran");
    await mailbox.waitFor((m) => m.subject === subject && m.to.includes(bystander.email));
    await mailbox.waitFor((m) => m.subject === subject && m.to.includes(member.email));
    expect(received(admin)).toBe(0);
    const message = mailbox.messages().find((m) => m.subject === subject)!;
    expect(message.text).toContain("Twelve practical steps.");
    expect(message.text).toContain(`/c/${h.tenant.slug}/taskforce/deliverables/${deliverableId}`);

    expect((await subscribe(bystander, "unsubscribe")).data).toMatchObject({ ok: true, notice: "You will no longer be emailed new outputs." });
    await publish("Thirteen practical steps.");
    await mailbox.waitFor((m) => m.subject === subject && m.to.includes(member.email) && m.text.includes("Thirteen"));
    expect(received(bystander)).toBe(1);
    expect(received(member)).toBe(2);
  });

  it("are refused to people who may not see taskforces (404)", async () => {
    expect((await subscribe(stakeholder, "subscribe")).status).toBe(404);
  });
});

describe("organisations in the RACI matrix", () => {
  let regionalId: string;
  let green: string;
  let blue: string;
  let greenInTaskforce: HarnessPerson;
  let greenOnly: HarnessPerson;
  let greenStakeholder: HarnessPerson;
  let blueMember: HarnessPerson;
  let redMember: HarnessPerson;
  const at = () => `deliverables/${regionalId}`;
  const saveRaci = (form: Record<string, string>) => post(lead, deliverablePage.action, at(), { deliverableId: regionalId }, { intent: "raci", ...form });
  const matrix = () => h.db((db) => db.taskforceRaciAssignment.findMany({ where: { deliverableId: regionalId }, orderBy: { role: "asc" }, select: { userId: true, organisationId: true, role: true } }));
  const organisationId = (name: string) => h.db((db) => db.organisation.findFirstOrThrow({ where: { name }, select: { id: true } })).then((o) => o.id);

  beforeAll(async () => {
    greenInTaskforce = await h.person({ role: "MEMBER", name: "Gia Green", organisation: "Green Alliance" });
    greenOnly = await h.person({ role: "MEMBER", name: "Gus Green", organisation: "Green Alliance" });
    greenStakeholder = await h.person({ role: "STAKEHOLDER", organisation: "Green Alliance" });
    blueMember = await h.person({ role: "MEMBER", name: "Bo Blue", organisation: "Blue Network" });
    redMember = await h.person({ role: "MEMBER", organisation: "Red Collective" });
    [green, blue] = await Promise.all([organisationId("Green Alliance"), organisationId("Blue Network")]);
    expect((await post(admin, page.action, taskforceId, { taskforceId }, { intent: "addMember", email: greenInTaskforce.email })).data).toMatchObject({ ok: true });
    expect((await post(lead, page.action, taskforceId, { taskforceId }, { intent: "addDeliverable", title: "Regional briefs", dueDate: "2027-09-30" })).data).toMatchObject({ ok: true });
    regionalId = (await h.db((db) => db.taskforceDeliverable.findFirstOrThrow({ where: { title: "Regional briefs" }, select: { id: true } }))).id;
  });

  it("takes an organisation as Accountable and shows it as one in the matrix", async () => {
    const saved = await saveRaci({ [`role:${lead.id}`]: "R", "organisation:0": green, "organisationRole:0": "A", "organisation:1": "", "organisationRole:1": "" });
    expect(saved.data).toMatchObject({ ok: true, notice: "Responsibilities saved." });
    expect(await matrix()).toEqual([
      { userId: lead.id, organisationId: null, role: "R" },
      { userId: null, organisationId: green, role: "A" },
    ]);
    const view = await get(lead, deliverablePage.loader, at(), { deliverableId: regionalId });
    expect(view.data).toMatchObject({
      raci: [
        { kind: "person", name: "Lena Lead", role: "R" },
        { kind: "organisation", id: green, name: "Green Alliance", role: "A" },
      ],
    });
    const choices = (view.data as { organisations: { name: string }[] }).organisations.map((o) => o.name);
    expect(choices).toEqual(["Blue Network", "Green Alliance", "Red Collective"]);
  });

  it("refuses a person and an organisation both Accountable, writing nothing", async () => {
    const result = await saveRaci({ [`role:${lead.id}`]: "A", "organisation:0": green, "organisationRole:0": "A" });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ ok: false, form: "raci", errors: { raci: "Choose only one person or organisation as Accountable, not 2" } });
    expect(await matrix()).toHaveLength(2);
    expect((await matrix()).find((r) => r.role === "A")).toMatchObject({ organisationId: green });
  });

  it("refuses an organisation of another coalition next to its field, keeping what was typed, writing nothing", async () => {
    await other.person({ organisation: "Their Alliance" });
    const theirs = (await other.db((db) => db.organisation.findFirstOrThrow({ where: { name: "Their Alliance" }, select: { id: true } }))).id;
    for (const id of [theirs, "not-a-uuid"]) {
      const result = await saveRaci({ [`role:${lead.id}`]: "A", "organisation:0": blue, "organisationRole:0": "C", "organisation:1": id, "organisationRole:1": "I" });
      expect(result.status).toBe(400);
      expect(result.data).toMatchObject({ errors: { "organisation:1": "Choose an organisation of this coalition" }, values: { "organisation:0": blue, "organisation:1": id, "organisationRole:1": "I" } });
    }
    expect(await matrix()).toEqual([
      { userId: lead.id, organisationId: null, role: "R" },
      { userId: null, organisationId: green, role: "A" },
    ]);
  });

  it("refuses the same organisation in two rows", async () => {
    const result = await saveRaci({ [`role:${lead.id}`]: "A", "organisation:0": blue, "organisationRole:0": "C", "organisation:1": blue, "organisationRole:1": "I" });
    expect(result.data).toMatchObject({ errors: { "organisation:1": "This organisation is already chosen in another row" } });
  });

  it("emails the people of an Informed organisation once each (and not its stakeholders) when the status changes", async () => {
    const saved = await saveRaci({
      [`role:${lead.id}`]: "A",
      [`role:${greenInTaskforce.id}`]: "I",
      "organisation:0": green,
      "organisationRole:0": "I",
      "organisation:1": blue,
      "organisationRole:1": "C",
    });
    expect(saved.data).toMatchObject({ ok: true });
    expect((await post(lead, deliverablePage.action, at(), { deliverableId: regionalId }, { intent: "deliverableStatus", status: "IN_PROGRESS" })).data).toMatchObject({ ok: true });
    const event = (await h.events("taskforce.deliverable_status_changed")).find((e) => (e.payload as { deliverableId: string }).deliverableId === regionalId)!;

    const mailbox = await h.mailbox();
    const subject = "“Regional briefs” is now In progress";
    expect((await h.dispatch(event.type, event.payload as Record<string, unknown>, { eventId: event.id })).outcome).toBe("ran");
    await mailbox.waitFor((m) => m.subject === subject && m.to.includes(greenOnly.email));
    await mailbox.waitFor((m) => m.subject === subject && m.to.includes(greenInTaskforce.email));
    const received = (person: HarnessPerson) => mailbox.messages().filter((m) => m.subject === subject && m.to.includes(person.email)).length;
    expect([greenInTaskforce, greenOnly, greenStakeholder, blueMember, lead].map(received)).toEqual([1, 1, 0, 0, 0]);
    expect(mailbox.messages().find((m) => m.subject === subject)!.text).toContain("you, or your organisation, are Informed");
  });

  it("lets a person of a Consulted organisation comment, and not a person of another organisation", async () => {
    const comment = (person: HarnessPerson, body: string) => post(person, deliverablePage.action, at(), { deliverableId: regionalId }, { intent: "comment", body });
    expect((await comment(blueMember, "Our region's figures are in.")).data).toMatchObject({ ok: true, notice: "Comment added." });
    expect((await get(blueMember, deliverablePage.loader, at(), { deliverableId: regionalId })).data).toMatchObject({ canComment: true });
    for (const outsider of [redMember, greenOnly]) {
      expect((await comment(outsider, "Not consulted")).status).toBe(404);
      expect((await get(outsider, deliverablePage.loader, at(), { deliverableId: regionalId })).data).toMatchObject({ canComment: false });
    }
    const comments = await h.db((db) => db.taskforceComment.findMany({ where: { deliverableId: regionalId }, select: { authorUserId: true } }));
    expect(comments).toEqual([{ authorUserId: blueMember.id }]);
  });

  it("keeps one holder per row in the database: both or neither is refused", async () => {
    const bad = (data: { userId: string | null; organisationId: string | null }) =>
      h.db((db) => db.taskforceRaciAssignment.create({ data: { tenantId: h.tenant.id, deliverableId: regionalId, role: "C", ...data } }));
    await expect(bad({ userId: redMember.id, organisationId: blue })).rejects.toThrow(/one_holder_check|check constraint/i);
    await expect(bad({ userId: null, organisationId: null })).rejects.toThrow(/one_holder_check|check constraint/i);
  });
});
