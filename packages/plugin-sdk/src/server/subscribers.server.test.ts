import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ownerClient } from "@commons/db/admin";
import { useTestDatabase } from "@commons/db/test-database";
import { createMailTransport } from "@commons/email";
import { startMailbox, type Mailbox } from "@commons/email/mailbox";
import { definePlugin, type Module } from "../manifest.ts";
import { defineModuleServer, type ModuleServer } from "./module-server.server.ts";
import { dispatchModuleEvent } from "./subscribers.server.ts";

useTestDatabase();

const settings = z.object({ greeting: z.string().default("Welcome") });
// The manifest's lazy `server` import and the server entry refer to each other.
const entries: { server?: ModuleServer<typeof settings> } = {};

const manifest: Module<typeof settings> = definePlugin(pathToFileURL(path.join(import.meta.dirname, "fixture.ts")).href, {
  id: "welcomer",
  name: "Welcomer",
  description: "Greets people who join",
  version: "1.0.0",
  portal: "*",
  settings,
  events: { emits: ["welcomer.greeted"], subscribes: ["person.joined"] },
  server: async () => ({ default: entries.server }),
});

entries.server = defineModuleServer(manifest, {
  subscribers: {
    "person.joined": async (event, { db, tenantId, settings, emit }) => {
      await db.activity.create({ data: { tenantId, action: "welcomer.greeted", data: { greeting: settings.greeting, eventId: event.id } } });
      await emit("welcomer.greeted", { eventId: event.id });
    },
  },
});

const log = { info: () => undefined, warn: () => undefined };
let on: string;
let off: string;

async function setUpTenant(enabled: boolean | null): Promise<string> {
  const tenant = await ownerClient().tenant.create({ data: { slug: `w-${randomUUID().slice(0, 8)}`, name: "Coalition" } });
  if (enabled !== null) {
    await ownerClient().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenant.id}, true)`;
      await tx.moduleSetting.create({ data: { tenantId: tenant.id, moduleId: "welcomer", enabled, settings: { greeting: "Mabuhay" } } });
    });
  }
  return tenant.id;
}

async function greetings(tenantId: string): Promise<number> {
  return ownerClient().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
    // The owner bypasses row-level security: filter by tenant explicitly.
    return tx.activity.count({ where: { tenantId, action: "welcomer.greeted" } });
  });
}

beforeAll(async () => {
  on = await setUpTenant(true);
  off = await setUpTenant(false);
});

describe("module subscribers", () => {
  it("run once per event in a coalition that has the module on, with its settings", async () => {
    const event = { id: randomUUID(), type: "person.joined", tenantId: on, payload: {} };
    expect(await dispatchModuleEvent([manifest], event, { ownerClient: ownerClient(), log })).toEqual({ welcomer: "ran" });
    // The same event again (a retried job): the ledger remembers it ran.
    expect(await dispatchModuleEvent([manifest], event, { ownerClient: ownerClient(), log })).toEqual({ welcomer: "already-ran" });
    expect(await greetings(on)).toBe(1);
    const emitted = await ownerClient().outboxEvent.findMany({ where: { tenantId: on, type: "welcomer.greeted" } });
    expect(emitted).toHaveLength(1);
    const row = await ownerClient().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.tenant_id', ${on}, true)`;
      return tx.activity.findFirstOrThrow({ where: { tenantId: on, action: "welcomer.greeted" } });
    });
    expect(row.data).toMatchObject({ greeting: "Mabuhay" });
  });

  it("get nothing from a coalition that switched the module off, or never switched it on", async () => {
    const never = await setUpTenant(null);
    for (const tenantId of [off, never]) {
      const event = { id: randomUUID(), type: "person.joined", tenantId, payload: {} };
      expect(await dispatchModuleEvent([manifest], event, { ownerClient: ownerClient(), log })).toEqual({ welcomer: "module-off" });
      expect(await greetings(tenantId)).toBe(0);
    }
  });

  it("ignore events the module does not subscribe to", async () => {
    const event = { id: randomUUID(), type: "post.created", tenantId: on, payload: {} };
    expect(await dispatchModuleEvent([manifest], event, { ownerClient: ownerClient(), log })).toEqual({});
  });

  it("refuse a server entry handling an event its manifest does not list", () => {
    expect(() => defineModuleServer(manifest, { subscribers: { "post.created": async () => undefined } })).toThrow(/does not list it in events.subscribes/);
  });
});

describe("emailing someone who is not a member yet", () => {
  // A module that writes to whoever applied: no account, no membership, only an address.
  const applier: Module = definePlugin(pathToFileURL(path.join(import.meta.dirname, "applier.ts")).href, {
    id: "applier",
    name: "Applier",
    description: "Answers applicants",
    version: "1.0.0",
    portal: "*",
    core: true,
    events: { emits: ["applier.received"], subscribes: ["applier.received"] },
    messages: { en: { "applier.subject": "We received it, {name}" }, fil: { "applier.subject": "Natanggap namin, {name}" } },
    server: async () => ({
      default: defineModuleServer(applier, {
        emails: { received: (data, t) => ({ subject: t("applier.subject", data), text: `Thank you.\n\nLine <b>two</b>` }) },
        subscribers: {
          "applier.received": async (event, { emailAddress }) => {
            const { address, locale } = event.payload as { address: string; locale?: string };
            await emailAddress(address, "received", { name: "Ana" }, locale);
          },
        },
      }),
    }),
  });
  let mailbox: Mailbox;
  let mail: { transport: ReturnType<typeof createMailTransport>; publicUrl: string };
  beforeAll(async () => {
    mailbox = await startMailbox();
    mail = { transport: createMailTransport(mailbox.url), publicUrl: "http://commons.test" };
  });
  afterAll(async () => {
    mail?.transport.close();
    await mailbox?.close();
  });

  it("sends a template once per event and address, in the language asked for or the account's", async () => {
    const tenantId = await setUpTenant(null);
    const event = { id: randomUUID(), type: "applier.received", tenantId, payload: { address: "Applicant@Example.test" } };
    expect(await dispatchModuleEvent([applier], event, { ownerClient: ownerClient(), log, mail })).toEqual({ applier: "ran" });
    // Even if the subscriber ran again for the same event, the address is not written to twice.
    await ownerClient().delivery.deleteMany({ where: { eventId: event.id, recipient: "module:applier" } });
    expect(await dispatchModuleEvent([applier], event, { ownerClient: ownerClient(), log, mail })).toEqual({ applier: "ran" });
    const received = await mailbox.waitFor((m) => m.to.includes("applicant@example.test"));
    expect(received.subject).toBe("We received it, Ana");
    expect(received.text).toContain("Line <b>two</b>");
    expect(received.html).toContain("Line &lt;b&gt;two&lt;/b&gt;");
    expect(received.text).not.toMatch(/unsubscribe/i);

    await dispatchModuleEvent([applier], { ...event, id: randomUUID(), payload: { address: "tagalog@example.test", locale: "fil" } }, { ownerClient: ownerClient(), log, mail });
    expect((await mailbox.waitFor((m) => m.to.includes("tagalog@example.test"))).subject).toBe("Natanggap namin, Ana");
    expect(mailbox.messages().filter((m) => m.to.includes("applicant@example.test"))).toHaveLength(1);
  });
});
