import { describe, expect, it } from "vitest";
import type { HarnessPerson, PluginHarness } from "@commons/plugin-sdk/testing";
import { action as newAction, loader as newLoader } from "../routes/decisions/meeting-new.tsx";
import { action as editAction } from "../routes/decisions/meeting-edit.tsx";
import { action as rsvpAction, loader as meetingLoader } from "../routes/decisions/meeting.tsx";
import { action as minutesAction, loader as minutesLoader } from "../routes/decisions/minutes.tsx";
import { loader as meetingsLoader } from "../routes/decisions/meetings.tsx";
import { loader as calendarLoader } from "../routes/decisions/meeting-calendar.ts";
import { loader as recordLoader } from "../routes/decisions/record.tsx";
import { createForum, type ForumFixture, useForumFixture } from "./helpers.ts";

let h: PluginHarness;
let f: ForumFixture;
useForumFixture((made) => ({ h, f } = made));

type Failure = { ok: false; formError?: string; errors: Record<string, string>; values: Record<string, string> };

const meetingForm = (over: Record<string, string> = {}) => ({
  intent: "meeting",
  title: "Quarterly review",
  timezone: "Asia/Manila",
  startsAt: "2030-03-10T09:00",
  endsAt: "2030-03-10T11:30",
  place: "Quezon City, CSO hub",
  link: "https://meet.example.org/review",
  agenda: "Welcome\nWork plan 2030\n\nAny other business",
  ...over,
});

async function schedule(by: HarnessPerson, over: Record<string, string> = {}) {
  return h.call(newAction, { request: by.request(h.path(`${f.forum.id}/meetings/new`), { form: meetingForm(over) }), params: { forumId: f.forum.id } });
}

async function scheduled(over: Record<string, string> = {}) {
  const r = await schedule(f.moderator, over);
  expect(r.status).toBe(302);
  return r.headers.get("Location")!.split("/").pop()!;
}

const meetingParams = (meetingId: string) => ({ forumId: f.forum.id, meetingId });

describe("scheduling a meeting", () => {
  it("stores the times in UTC from the meeting's zone, and the agenda one item per line", async () => {
    const id = await scheduled();
    const row = await h.db((db) => db.forumMeeting.findUniqueOrThrow({ where: { id }, select: { startsAt: true, endsAt: true, timezone: true, agenda: true } }));
    expect(row.startsAt.toISOString()).toBe("2030-03-10T01:00:00.000Z");
    expect(row.endsAt.toISOString()).toBe("2030-03-10T03:30:00.000Z");
    expect(row.timezone).toBe("Asia/Manila");
    expect(row.agenda).toEqual(["Welcome", "Work plan 2030", "Any other business"]);
  });

  it("refuses an end before the start, an unknown zone, a bad link and no title, keeping what was typed", async () => {
    const r = await schedule(f.moderator, { endsAt: "2030-03-10T08:00" });
    expect(r.status).toBe(400);
    expect((r.data as Failure).errors.endsAt).toMatch(/end after it starts/);
    const zone = await schedule(f.moderator, { timezone: "Mars/Olympus" });
    expect(zone.status).toBe(400);
    expect((zone.data as Failure).errors.timezone).toMatch(/time zone/);
    const more = await schedule(f.moderator, { title: "", link: "javascript:alert(1)" });
    expect(Object.keys((more.data as Failure).errors).sort()).toEqual(["link", "title"]);
    expect((more.data as Failure).values.place).toBe("Quezon City, CSO hub");
  });

  it("lets only moderators and managers schedule and edit", async () => {
    expect((await schedule(f.alice)).status).toBe(404);
    expect((await h.call(newLoader, { request: f.alice.request(h.path(`${f.forum.id}/meetings/new`)), params: { forumId: f.forum.id } })).status).toBe(404);
    expect((await schedule(f.secretariat)).status).toBe(302);
    const id = await scheduled();
    const edit = await h.call(editAction, { request: f.alice.request(h.path(`${f.forum.id}/meetings/${id}/edit`), { form: meetingForm({ title: "Hijacked" }) }), params: meetingParams(id) });
    expect(edit.status).toBe(404);
    const ok = await h.call(editAction, { request: f.moderator.request(h.path(`${f.forum.id}/meetings/${id}/edit`), { form: meetingForm({ title: "Quarterly review (moved)", startsAt: "2030-03-11T09:00", endsAt: "2030-03-11T10:00" }) }), params: meetingParams(id) });
    expect(ok.status).toBe(302);
    const row = await h.db((db) => db.forumMeeting.findUniqueOrThrow({ where: { id }, select: { title: true, startsAt: true } }));
    expect(row).toEqual({ title: "Quarterly review (moved)", startsAt: new Date("2030-03-11T01:00:00Z") });
  });

  it("lists upcoming and past meetings to participants, not to outsiders", async () => {
    await h.db((db) =>
      db.forumMeeting.create({ data: { tenantId: h.tenant.id, forumId: f.forum.id, title: "Kick-off", startsAt: new Date("2025-01-10T01:00:00Z"), endsAt: new Date("2025-01-10T03:00:00Z"), timezone: "Asia/Manila", createdById: f.moderator.id } }),
    );
    const page = await h.call(meetingsLoader, { request: f.bea.request(h.path(`${f.forum.id}/meetings`)), params: { forumId: f.forum.id } });
    const data = page.data as { upcoming: { title: string }[]; past: { title: string }[] };
    expect(data.upcoming.map((m) => m.title)).toContain("Quarterly review");
    expect(data.past.map((m) => m.title)).toEqual(["Kick-off"]);
    expect((await h.call(meetingsLoader, { request: f.outsider.request(h.path(`${f.forum.id}/meetings`)), params: { forumId: f.forum.id } })).status).toBe(404);
  });
});

describe("RSVP", () => {
  it("takes one answer per person, changed by a later one, with counts and names", async () => {
    const id = await scheduled();
    const rsvp = (p: HarnessPerson, answer: string) => h.call(rsvpAction, { request: p.request(h.path(`${f.forum.id}/meetings/${id}`), { form: { intent: "rsvp", answer } }), params: meetingParams(id) });
    expect((await rsvp(f.alice, "MAYBE")).status).toBe(200);
    expect((await rsvp(f.alice, "YES")).status).toBe(200);
    expect((await rsvp(f.stakeholder, "NO")).status).toBe(200);
    expect((await rsvp(f.bea, "SOMETIMES")).status).toBe(400);
    const page = (await h.call(meetingLoader, { request: f.alice.request(h.path(`${f.forum.id}/meetings/${id}`)), params: meetingParams(id) })).data as {
      rsvp: { mine: string; YES: string[]; NO: string[]; MAYBE: string[] };
    };
    expect(page.rsvp).toEqual({ mine: "YES", YES: [f.alice.name], NO: [f.stakeholder.name], MAYBE: [] });
    expect((await rsvp(f.outsider, "YES")).status).toBe(404);
  });

  it("refuses answers once the meeting is over", async () => {
    const past = await h.db((db) =>
      db.forumMeeting.create({ data: { tenantId: h.tenant.id, forumId: f.forum.id, title: "Old", startsAt: new Date("2025-02-01T01:00:00Z"), endsAt: new Date("2025-02-01T02:00:00Z"), timezone: "UTC", createdById: f.moderator.id }, select: { id: true } }),
    );
    const r = await h.call(rsvpAction, { request: f.alice.request(h.path(`${f.forum.id}/meetings/${past.id}`), { form: { intent: "rsvp", answer: "YES" } }), params: meetingParams(past.id) });
    expect(r.status).toBe(409);
  });
});

describe("minutes", () => {
  it("saves attendees, minutes and action points owned by a person, an organisation or a written name, and publishes them", async () => {
    const id = await scheduled();
    const form = await h.call(minutesLoader, { request: f.moderator.request(h.path(`${f.forum.id}/meetings/${id}/minutes`)), params: meetingParams(id) });
    expect(form.status).toBe(200);
    // The secretariat who ran the meeting is offered though not a participant.
    const offered = (form.data as { choices: { people: { id: string; label: string }[] } }).choices.people;
    expect(offered.find((p) => p.id === f.secretariat.id)?.label).toBe(`${f.secretariat.name} (Secretariat)`);
    expect(offered.some((p) => p.id === f.outsider.id)).toBe(false);
    const r = await h.call(minutesAction, {
      request: f.moderator.request(h.path(`${f.forum.id}/meetings/${id}/minutes`), {
        form: {
          intent: "minutes",
          rows: "5",
          attendees: [f.alice.id, f.stakeholder.id, f.secretariat.id],
          otherAttendees: "Mayor's representative",
          minutes: "## Work plan\nAgreed to **publish** the data. <img src=x onerror=alert(1)>",
          "ap-0-description": "Publish the 2029 payments data",
          "ap-0-owner": `org:${f.organisations.river.id}`,
          "ap-0-due": "2030-04-30",
          "ap-1-description": "Send the letter to the Department",
          "ap-1-owner": `user:${f.stakeholder.id}`,
          "ap-2-description": "Book the venue",
          "ap-2-ownerName": "Barangay hall staff",
          publish: "on",
        },
      }),
      params: meetingParams(id),
    });
    expect(r.status).toBe(302);
    const page = (await h.call(meetingLoader, { request: f.bea.request(h.path(`${f.forum.id}/meetings/${id}`)), params: meetingParams(id) })).data as {
      minutes: { html: string; attendees: string[]; others: string[]; actionPoints: { description: string; owner: string; dueOn: string | null }[] };
    };
    expect(page.minutes.attendees.sort()).toEqual([f.alice.name, f.stakeholder.name, f.secretariat.name].sort());
    expect(page.minutes.others).toEqual(["Mayor's representative"]);
    expect(page.minutes.html).toContain("<strong>publish</strong>");
    expect(page.minutes.html).not.toContain("onerror");
    expect(page.minutes.actionPoints.map(({ description, owner, dueOn }) => ({ description, owner, dueOn }))).toEqual([
      { description: "Publish the 2029 payments data", owner: f.organisations.river.name, dueOn: "2030-04-30" },
      { description: "Send the letter to the Department", owner: f.stakeholder.name, dueOn: null },
      { description: "Book the venue", owner: "Barangay hall staff", dueOn: null },
    ]);
  });

  it("refuses an owner outside the forum, an action point without a description and a bad date, writing nothing", async () => {
    const id = await scheduled();
    const r = await h.call(minutesAction, {
      request: f.moderator.request(h.path(`${f.forum.id}/meetings/${id}/minutes`), {
        form: { intent: "minutes", rows: "5", minutes: "Notes", "ap-0-description": "Something", "ap-0-owner": `user:${f.outsider.id}`, "ap-1-owner": `org:${f.organisations.coast.id}`, "ap-2-description": "Later", "ap-2-due": "2030-02-31", publish: "on" },
      }),
      params: meetingParams(id),
    });
    expect(r.status).toBe(400);
    expect(Object.keys((r.data as Failure).errors).sort()).toEqual(["ap-0-owner", "ap-1-description", "ap-2-due"]);
    const row = await h.db((db) => db.forumMeeting.findUniqueOrThrow({ where: { id }, select: { minutes: true, minutesPublishedAt: true, actionPoints: { select: { id: true } } } }));
    expect(row).toEqual({ minutes: "", minutesPublishedAt: null, actionPoints: [] });
    const participant = await h.call(minutesAction, { request: f.alice.request(h.path(`${f.forum.id}/meetings/${id}/minutes`), { form: { intent: "minutes", rows: "0", minutes: "Mine" } }), params: meetingParams(id) });
    expect(participant.status).toBe(404);
  });
});

describe("calendar file", () => {
  it("is a valid iCalendar event with a stable UID and UTC times", async () => {
    const id = await scheduled();
    const get = () => h.call(calendarLoader, { request: f.alice.request(h.path(`${f.forum.id}/meetings/${id}/calendar.ics`)), params: meetingParams(id) });
    const r = await get();
    expect(r.status).toBe(200);
    expect(r.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const text = r.body as string;
    // Lines are CRLF-separated; long lines are folded with a leading space.
    const unfolded = text.replace(/\r\n[ \t]/g, "");
    const fields = new Map(unfolded.split("\r\n").filter(Boolean).map((line) => [line.slice(0, line.search(/[:;]/)), line.slice(line.indexOf(":") + 1)] as const));
    expect(unfolded.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0")).toBe(true);
    expect(unfolded.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
    expect(fields.get("BEGIN")).toBeDefined();
    expect(fields.get("UID")).toBe(`${id}@forums.commons`);
    expect(fields.get("DTSTART")).toBe("20300310T010000Z");
    expect(fields.get("DTEND")).toBe("20300310T033000Z");
    expect(fields.get("SUMMARY")).toBe("Quarterly review");
    expect(fields.get("LOCATION")).toBe("Quezon City\\, CSO hub");
    expect(fields.get("STATUS")).toBe("CONFIRMED");
    // The same UID on every download: importing again updates the event.
    const again = ((await get()).body as string).replace(/\r\n[ \t]/g, "");
    expect(again).toContain(`UID:${id}@forums.commons`);
    expect((await h.call(calendarLoader, { request: f.outsider.request(h.path(`${f.forum.id}/meetings/${id}/calendar.ics`)), params: meetingParams(id) })).status).toBe(404);
  });
});

describe("cancelling", () => {
  it("marks the meeting cancelled, in its calendar file too, and takes no more answers", async () => {
    const id = await scheduled();
    const r = await h.call(editAction, { request: f.moderator.request(h.path(`${f.forum.id}/meetings/${id}/edit`), { form: { intent: "cancel" } }), params: meetingParams(id) });
    expect(r.status).toBe(302);
    const ics = (await h.call(calendarLoader, { request: f.alice.request(h.path(`${f.forum.id}/meetings/${id}/calendar.ics`)), params: meetingParams(id) })).body as string;
    expect(ics).toContain("STATUS:CANCELLED");
    const rsvp = await h.call(rsvpAction, { request: f.alice.request(h.path(`${f.forum.id}/meetings/${id}`), { form: { intent: "rsvp", answer: "YES" } }), params: meetingParams(id) });
    expect(rsvp.status).toBe(409);
  });
});

describe("the record", () => {
  async function recordFor(request: Request, forumId: string, tenant?: string) {
    return h.call(recordLoader, { request, params: { forumId, ...(tenant ? { tenant } : {}) } });
  }

  it("is read signed out when the forum's record is public, with decisions and minutes", async () => {
    const forum = await createForum(h, f.secretariat.id, { name: `Public forum ${Date.now()}`, publicRecord: true });
    const meeting = await h.db((db) =>
      db.forumMeeting.create({
        data: { tenantId: h.tenant.id, forumId: forum.id, title: "Public hearing", startsAt: new Date("2026-01-10T01:00:00Z"), endsAt: new Date("2026-01-10T03:00:00Z"), timezone: "Asia/Manila", minutes: "We **heard** the community.", minutesPublishedAt: new Date("2026-01-11T00:00:00Z"), createdById: f.secretariat.id },
        select: { id: true },
      }),
    );
    await h.db((db) => db.forumActionPoint.create({ data: { tenantId: h.tenant.id, meetingId: meeting.id, position: 0, description: "Publish the hearing report", ownerOrganisationId: f.organisations.coast.id, dueOn: new Date("2026-02-01T00:00:00Z") } }));
    await h.db((db) =>
      db.forumMeeting.create({ data: { tenantId: h.tenant.id, forumId: forum.id, title: "Unpublished", startsAt: new Date("2026-01-12T01:00:00Z"), endsAt: new Date("2026-01-12T03:00:00Z"), timezone: "UTC", minutes: "Draft", createdById: f.secretariat.id } }),
    );
    await h.db((db) =>
      db.forumProposal.create({
        data: {
          tenantId: h.tenant.id, forumId: forum.id, title: "Adopt the transparency charter", body: "…", bodyHtml: "<p>…</p>", authorId: f.secretariat.id, voteUnit: "ORGANISATION", options: "CONSENT",
          quorumPercent: 50, thresholdPercent: 60, blocksStop: true, stakeholdersVote: false, publicVotes: false, opensAt: new Date("2026-01-01T00:00:00Z"), closesAt: new Date("2026-01-08T00:00:00Z"),
          status: "DECIDED", outcome: "ADOPTED", counts: { votes: { agree: 5, disagree: 1 }, cast: 6, eligible: 8 }, eligibleCount: 8, decidedAt: new Date("2026-01-08T00:05:00Z"),
        },
      }),
    );
    const visitor = new Request(new URL(h.path(`${forum.id}/record`), "http://localhost"));
    const r = await recordFor(visitor, forum.id);
    expect(r.status).toBe(200);
    const data = r.data as { nav: unknown; open: unknown[]; decisions: { title: string; outcome: string; cast: number; eligible: number }[]; minutes: { title: string; html: string; actionPoints: { owner: string; dueOn: string }[] }[] };
    expect(data.nav).toBeNull();
    expect(data.open).toEqual([]);
    expect(data.decisions).toMatchObject([{ title: "Adopt the transparency charter", outcome: "ADOPTED", cast: 6, eligible: 8 }]);
    expect(data.minutes.map((m) => m.title)).toEqual(["Public hearing"]);
    expect(data.minutes[0]!.html).toContain("<strong>heard</strong>");
    expect(data.minutes[0]!.actionPoints).toEqual([{ id: expect.any(String), description: "Publish the hearing report", owner: f.organisations.coast.name, dueOn: "2026-02-01" }]);
    // A signed-out visitor sees no other page of the forum.
    expect((await h.call(meetingsLoader, { request: new Request(new URL(h.path(`${forum.id}/meetings`), "http://localhost")), params: { forumId: forum.id } })).status).toBe(302);
  });

  it("is a 404 signed out, and to members outside it, for a private forum; participants read it", async () => {
    const visitor = new Request(new URL(h.path(`${f.forum.id}/record`), "http://localhost"));
    expect((await recordFor(visitor, f.forum.id)).status).toBe(404);
    expect((await recordFor(f.outsider.request(h.path(`${f.forum.id}/record`)), f.forum.id)).status).toBe(404);
    expect((await recordFor(f.otherStakeholder.request(h.path(`${f.forum.id}/record`)), f.forum.id)).status).toBe(404);
    const mine = await recordFor(f.stakeholder.request(h.path(`${f.forum.id}/record`)), f.forum.id);
    expect(mine.status).toBe(200);
    expect((mine.data as { nav: unknown }).nav).not.toBeNull();
  });

  it("is a 404 to another coalition, public or not", async () => {
    const forum = await createForum(h, f.secretariat.id, { name: `Public elsewhere ${Date.now()}`, publicRecord: true });
    const o = await h.otherTenant();
    const theirs = await o.person({ role: "SECRETARIAT_ADMIN" });
    expect((await recordFor(theirs.request(o.path(`${forum.id}/record`)), forum.id, o.tenant.slug)).status).toBe(404);
    expect((await recordFor(new Request(new URL(o.path(`${forum.id}/record`), "http://localhost")), forum.id, o.tenant.slug)).status).toBe(404);
  });
});
