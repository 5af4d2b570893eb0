import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessCoalition, type HarnessPerson, type OtherTenant, type PluginHarness } from "@commons/plugin-sdk/testing";
import members from "../manifest.ts";
import * as directory from "../routes/directory/directory.tsx";
import * as edit from "../routes/directory/edit.tsx";
import * as logo from "../routes/directory/logo.tsx";
import * as profile from "../routes/directory/organisation.tsx";
import { get, makeOrganisation, organisationOf } from "./directory-helpers.ts";

process.env.STORAGE_DIR = mkdtempSync(path.join(os.tmpdir(), "members-logos-"));
useTestDatabase();

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]);
const WEBP = new Uint8Array([0x52, 0x49, 0x46, 0x46, 20, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 86, 80, 56, 32]);

let h: PluginHarness;
let admin: HarnessPerson;
let focal: HarnessPerson;
let colleague: HarnessPerson;
let member: HarnessPerson;
let stakeholder: HarnessPerson;
let other: OtherTenant;
let orgId: string;
let memberOrgId: string;
let otherOrgId: string;

const VALID = {
  name: "Agusan River Guardians",
  acronym: "ARG",
  type: "NGO",
  region: "Caraga",
  province: "Agusan del Sur",
  sectors: ["mining"],
  themes: "water, rivers",
  languages: "Cebuano, Manobo",
  website: "https://arg.example.org",
  email: "Info@ARG.example.org",
  foundedYear: "1998",
  description: "Guards the river.",
  offers: "Water testing",
  offerTags: "water testing, training",
  needs: "A boat",
  needTags: "equipment",
};

function multipart(fields: Record<string, string | readonly string[]>, file?: { bytes: Uint8Array; name: string; type: string }) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of typeof v === "string" ? [v] : v) body.append(k, one);
  if (file) body.append("logo", new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type }));
  return body;
}

function save(person: HarnessPerson, id: string, fields: Record<string, string | readonly string[]>, file?: { bytes: Uint8Array; name: string; type: string }) {
  return h.call(edit.action as never, { request: person.request(h.path(`organisations/${id}/edit`), { method: "POST", body: multipart(fields, file) }), params: { organisationId: id } }) as ReturnType<PluginHarness["call"]>;
}

const view = (person: HarnessPerson | null, id: string, coalition: HarnessCoalition = h) => get(h, person, profile.loader, `organisations/${id}`, { organisationId: id }, coalition);
const org = (id: string) => h.db((db) => db.organisation.findFirstOrThrow({ where: { id } }));

beforeAll(async () => {
  h = await createPluginHarness(members);
  await h.configure({ settings: { sectors: "mining\nfisheries\nhealth", regions: "Caraga\nDavao Region" } });
  admin = await h.person({ role: "SECRETARIAT_ADMIN" });
  focal = await h.person({ role: "FOCAL_POINT", organisation: "River Guardians", name: "Fe Focal" });
  colleague = await h.person({ role: "MEMBER", organisation: "River Guardians", name: "Col League" });
  member = await h.person({ role: "MEMBER", organisation: "Another Org", name: "Mem Ber" });
  stakeholder = await h.person({ role: "STAKEHOLDER" });
  orgId = await organisationOf(h, focal);
  memberOrgId = await organisationOf(h, member);
  await h.db((db) => db.user.update({ where: { id: focal.id }, data: { phone: "+63 912 345 6789" } }));
  await h.db((db) => db.membership.updateMany({ where: { userId: focal.id }, data: { title: "Coordinator" } }));
  await h.db((db) =>
    db.membersStatusChange.createMany({
      data: [
        { tenantId: h.tenant.id, organisationId: orgId, fromStatus: null, toStatus: "ACTIVE", reason: "Founding member", createdAt: new Date("2025-01-01") },
        { tenantId: h.tenant.id, organisationId: orgId, fromStatus: "ACTIVE", toStatus: "SUSPENDED", reason: "Dues unpaid", createdAt: new Date("2025-06-01") },
        { tenantId: h.tenant.id, organisationId: orgId, fromStatus: "SUSPENDED", toStatus: "ACTIVE", reason: "Dues paid", createdAt: new Date("2025-09-01") },
      ],
    }),
  );
  other = await h.otherTenant();
  otherOrgId = await makeOrganisation(other, { name: "Their Org" });
});

afterAll(() => h?.close());

type Profile = {
  organisation: { name: string; email: string };
  people: { name: string; title: string; email: string | null; phone: string | null; role: string }[];
  history: { toStatus: string; reason: string }[] | null;
  can: { edit: boolean; changeStatus: boolean; invite: boolean };
};

describe("the organisation profile", () => {
  it("shows members names and positions, but no emails or phones, and no status history", async () => {
    const r = await view(member, orgId);
    expect(r.status).toBe(200);
    const page = r.data as unknown as Profile;
    expect(page.people.map((p) => p.name)).toEqual(["Fe Focal", "Col League"]);
    expect(page.people[0]).toMatchObject({ title: "Coordinator", role: "FOCAL_POINT", email: null, phone: null });
    expect(page.history).toBeNull();
    expect(page.can).toEqual({ edit: false, changeStatus: false, invite: false });
  });

  it("shows the organisation's own people and the secretariat emails, phones and the history, newest first", async () => {
    for (const person of [colleague, admin]) {
      const page = (await view(person, orgId)).data as unknown as Profile;
      expect(page.people[0]).toMatchObject({ email: focal.email, phone: "+63 912 345 6789" });
      expect(page.history!.map((c) => c.reason)).toEqual(["Dues paid", "Dues unpaid", "Founding member"]);
    }
  });

  it("offers edit and invite to the focal point, edit and status to the secretariat", async () => {
    expect(((await view(focal, orgId)).data as unknown as Profile).can).toEqual({ edit: true, changeStatus: false, invite: true });
    expect(((await view(admin, orgId)).data as unknown as Profile).can).toEqual({ edit: true, changeStatus: true, invite: false });
    expect(((await view(focal, memberOrgId)).data as unknown as Profile).can).toEqual({ edit: false, changeStatus: false, invite: false });
  });

  it("shows a public directory's visitors the organisation but not its people, contacts or history", async () => {
    await h.configure({ settings: { publicDirectory: true } });
    try {
      const page = (await view(null, orgId)).data as unknown as Profile;
      expect(page.organisation.name).toBe("River Guardians");
      expect(page.people).toEqual([]);
      expect(page.history).toBeNull();
      expect(page.organisation.email).toBe("");
    } finally {
      await h.configure({ settings: { sectors: "mining\nfisheries\nhealth", regions: "Caraga\nDavao Region" } });
    }
  });

  it("answers 404 to stakeholders and visitors of a private directory, for unknown and malformed ids, and for another coalition's organisation", async () => {
    expect((await view(stakeholder, orgId)).status).toBe(404);
    expect((await view(null, orgId)).status).toBe(404);
    expect((await view(member, otherOrgId)).status).toBe(404);
    expect((await view(admin, otherOrgId)).status).toBe(404);
    expect((await view(other.member, orgId, other)).status).toBe(404);
    expect((await view(member, "not-a-uuid")).status).toBe(404);
    expect((await view(member, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("hides applicants and those who left from members, not from the secretariat or their own people", async () => {
    const leftId = await makeOrganisation(h, { name: "Left Org", status: "LEFT" });
    expect((await view(member, leftId)).status).toBe(404);
    expect((await view(admin, leftId)).status).toBe(200);
    await h.db((db) => db.organisation.update({ where: { id: orgId }, data: { status: "LEFT" } }));
    try {
      expect((await view(colleague, orgId)).status).toBe(200);
      expect((await view(member, orgId)).status).toBe(404);
    } finally {
      await h.db((db) => db.organisation.update({ where: { id: orgId }, data: { status: "ACTIVE" } }));
    }
  });
});

describe("editing a profile", () => {
  it("lets the focal point save every field, recorded in the activity record", async () => {
    const r = await save(focal, orgId, VALID);
    expect(r.status).toBe(302);
    expect(r.headers.get("Location")).toBe(h.path(`organisations/${orgId}?saved=1`));
    const saved = await org(orgId);
    expect(saved).toMatchObject({
      name: "Agusan River Guardians", acronym: "ARG", type: "NGO", region: "Caraga", province: "Agusan del Sur", sectors: ["mining"],
      themes: ["water", "rivers"], languages: ["Cebuano", "Manobo"], website: "https://arg.example.org", email: "info@arg.example.org",
      foundedYear: 1998, description: "Guards the river.", offers: "Water testing", offerTags: ["water testing", "training"], needs: "A boat", needTags: ["equipment"],
    });
    const activity = await h.db((db) => db.activity.findFirstOrThrow({ where: { action: "members.organisation.updated", subjectId: orgId }, orderBy: { createdAt: "desc" } }));
    expect(activity.actorId).toBe(focal.id);
    expect((activity.data as { fields: string[] }).fields).toContain("name");
  });

  it("gives the form to the secretariat and the focal point, 404 to everyone else", async () => {
    const form = (person: HarnessPerson | null, id = orgId) => get(h, person, edit.loader, `organisations/${id}/edit`, { organisationId: id });
    expect((await form(focal)).status).toBe(200);
    expect((await form(admin)).status).toBe(200);
    expect((await form(admin, memberOrgId)).status).toBe(200);
    expect((await form(colleague)).status).toBe(404);
    expect((await form(member)).status).toBe(404);
    expect((await form(stakeholder)).status).toBe(404);
    expect((await form(null)).status).toBe(302);
    expect((await form(focal, memberOrgId)).status).toBe(404);
    expect((await form(admin, otherOrgId)).status).toBe(404);
  });

  it("refuses a focal point's or a member's save of another organisation, and any save of another coalition's", async () => {
    const before = await org(memberOrgId);
    expect((await save(focal, memberOrgId, { ...VALID, name: "Hijacked" })).status).toBe(404);
    expect((await save(colleague, orgId, { ...VALID, name: "Hijacked" })).status).toBe(404);
    expect((await save(admin, otherOrgId, { ...VALID, name: "Hijacked" })).status).toBe(404);
    expect((await org(memberOrgId)).name).toBe(before.name);
    expect(await other.db((db) => db.organisation.count({ where: { name: "Hijacked" } }))).toBe(0);
  });

  it("puts each mistake next to its field and keeps what was typed", async () => {
    const r = await save(focal, orgId, { ...VALID, name: " ", type: "Spaceship", region: "Atlantis", sectors: ["mining", "piracy"], website: "javascript:alert(1)", email: "not-an-email", foundedYear: "12", description: "x".repeat(5001), offerTags: Array.from({ length: 25 }, (_, i) => `t${i}`).join(",") });
    expect(r.status).toBe(400);
    const data = r.data as { errors: Record<string, string>; values: Record<string, string>; lists: Record<string, string[]> };
    expect(Object.keys(data.errors).sort()).toEqual(["description", "email", "foundedYear", "name", "offerTags", "region", "sectors", "type", "website"]);
    expect(data.errors.name).toBe("Enter the name.");
    expect(data.errors.email).toMatch(/email address/);
    expect(data.values.website).toBe("javascript:alert(1)");
    expect(data.lists.sectors).toEqual(["mining", "piracy"]);
    expect((await org(orgId)).name).toBe("Agusan River Guardians");
  });

  it("keeps listed values that hold commas whole, and splits free text on commas", async () => {
    await h.configure({ settings: { sectors: "mining\nFree, prior and informed consent", regions: "Caraga\nDavao Region" } });
    try {
      expect((await save(focal, orgId, { ...VALID, sectors: ["Free, prior and informed consent", "mining"] })).status).toBe(302);
      expect((await org(orgId)).sectors).toEqual(["Free, prior and informed consent", "mining"]);
      expect((await org(orgId)).themes).toEqual(["water", "rivers"]);
    } finally {
      await h.configure({ settings: { sectors: "mining\nfisheries\nhealth", regions: "Caraga\nDavao Region" } });
      await save(focal, orgId, VALID);
    }
  });

  it("refuses a name another organisation of the coalition has, in any case, but not another coalition's", async () => {
    const r = await save(focal, orgId, { ...VALID, name: "another org" });
    expect(r.status).toBe(400);
    expect((r.data as { errors: Record<string, string> }).errors.name).toMatch(/already has this name/);
    expect((await save(focal, orgId, { ...VALID, name: "Their Org" })).status).toBe(302);
    await save(focal, orgId, VALID);
  });

  it("shows a saved change in the directory's counts at once", async () => {
    const counts = async () => {
      const page = (await get(h, member, directory.loader, "")).data as unknown as { facets: Record<string, { value: string; count: number }[]> };
      return Object.fromEntries(page.facets.region!.map((o) => [o.value, o.count]));
    };
    const before = await counts();
    expect((await save(focal, orgId, { ...VALID, region: "Davao Region" })).status).toBe(302);
    const after = await counts();
    expect(after["Davao Region"]).toBe((before["Davao Region"] ?? 0) + 1);
    expect(after.Caraga).toBe((before.Caraga ?? 0) - 1);
    await save(focal, orgId, VALID);
  });

  it("answers a body that is no form with the form's errors, never a 500", async () => {
    const request = focal.request(h.path(`organisations/${orgId}/edit`), { method: "POST", body: "garbage", headers: { "content-type": "multipart/form-data; boundary=zzz" } });
    const r = await h.call(edit.action as never, { request, params: { organisationId: orgId } });
    expect(r.status).toBe(400);
  });
});

describe("logos", () => {
  const file = (bytes: Uint8Array, name = "logo.png", type = "image/png") => ({ bytes, name, type });

  it.each([
    ["PNG", PNG, "image/png"],
    ["JPEG", JPEG, "image/jpeg"],
    ["WebP", WEBP, "image/webp"],
  ])("accepts a %s by its content, whatever its name says, and serves it with caching headers", async (_kind, bytes, type) => {
    expect((await save(focal, orgId, VALID, file(bytes, "picture.gif", "application/octet-stream"))).status).toBe(302);
    const key = (await org(orgId)).logoKey!;
    expect(key).toMatch(new RegExp(`^logos/${h.tenant.id}/`));
    const served = await get(h, member, logo.loader, `organisations/${orgId}/logo`, { organisationId: orgId });
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe(type);
    expect(served.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(served.headers.get("Cache-Control")).toMatch(/max-age/);
    const etag = served.headers.get("ETag")!;
    expect(etag).toMatch(/^"[0-9a-f-]{36}"$/);
    expect(new Uint8Array(await served.response!.arrayBuffer())).toEqual(bytes);
    const again = await h.call(logo.loader as never, { request: member.request(h.path(`organisations/${orgId}/logo`), { headers: { "If-None-Match": etag } }), params: { organisationId: orgId } });
    expect(again.status).toBe(304);
  });

  it.each([
    ["not an image", new TextEncoder().encode("hello, this is text"), "logo.png", "image/png", /PNG, JPEG or WebP/],
    ["HTML renamed to .png", new TextEncoder().encode("<html><script>alert(1)</script></html>"), "evil.png", "image/png", /PNG, JPEG or WebP/],
    ["an SVG", new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), "logo.svg", "image/svg+xml", /PNG, JPEG or WebP/],
    ["a GIF", new TextEncoder().encode("GIF89a......"), "logo.gif", "image/gif", /PNG, JPEG or WebP/],
    ["empty", new Uint8Array(0), "logo.png", "image/png", /empty/],
    ["too large", (() => { const b = new Uint8Array(1024 * 1024 + 1); b.set(PNG); return b; })(), "big.png", "image/png", /1 MB/],
  ])("refuses a logo that is %s, keeps what was typed and stores nothing", async (_what, bytes, name, type, message) => {
    const before = await org(orgId);
    const r = await save(focal, orgId, { ...VALID, description: "Typed before the upload failed" }, file(bytes, name, type));
    expect([400, 413]).toContain(r.status);
    const data = r.data as { errors: Record<string, string>; values: Record<string, string> };
    expect(data.errors.logo).toMatch(message);
    expect(data.values.description).toBe("Typed before the upload failed");
    const after = await org(orgId);
    expect(after.logoKey).toBe(before.logoKey);
    expect(after.description).toBe(before.description);
  });

  it("keeps the logo when no file is chosen, removes it when asked", async () => {
    await save(focal, orgId, VALID, file(PNG));
    const key = (await org(orgId)).logoKey;
    expect((await save(focal, orgId, VALID, file(new Uint8Array(0), "", "application/octet-stream"))).status).toBe(302);
    expect((await org(orgId)).logoKey).toBe(key);
    expect((await save(focal, orgId, { ...VALID, removeLogo: "on" })).status).toBe(302);
    expect((await org(orgId)).logoKey).toBeNull();
    expect((await get(h, member, logo.loader, `organisations/${orgId}/logo`, { organisationId: orgId })).status).toBe(404);
  });

  it("serves a logo only to those who may see the profile", async () => {
    await save(focal, orgId, VALID, file(PNG));
    const fetchAs = (person: HarnessPerson | null) => get(h, person, logo.loader, `organisations/${orgId}/logo`, { organisationId: orgId });
    expect((await fetchAs(stakeholder)).status).toBe(404);
    expect((await fetchAs(null)).status).toBe(404);
    expect((await get(h, other.member, logo.loader, `organisations/${orgId}/logo`, { organisationId: orgId }, other)).status).toBe(404);
    await h.configure({ settings: { publicDirectory: true } });
    try {
      expect((await fetchAs(null)).status).toBe(200);
    } finally {
      await h.configure({ settings: { sectors: "mining\nfisheries\nhealth", regions: "Caraga\nDavao Region" } });
    }
  });
});
