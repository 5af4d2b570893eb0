import type { z } from "zod";
import { withTenant, type Db } from "@commons/db";
import { isPermanentSmtpError, notificationEmail, sendMail, type MailTransport } from "@commons/email";
import { deliverOnce, recordModuleEvent, type OwnerClient } from "@commons/jobs";
import type { Module } from "../manifest.ts";
import { moduleState } from "./module-access.server.ts";

/** A domain event as a module's subscriber receives it. */
export interface ModuleEvent {
  id: string;
  type: string;
  tenantId: string;
  payload: unknown;
}

export interface SubscriberLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** A notification a module sends to one person; plain text, the portal adds the rest. */
export interface Notification {
  subject: string;
  text: string;
}

/** What a subscriber is handed: its coalition's data and settings, nothing else. */
export interface SubscriberContext<Settings extends z.ZodObject> {
  db: Db;
  tenantId: string;
  settings: z.infer<Settings>;
  log: SubscriberLog;
  emit(type: string, payload: Record<string, unknown>): Promise<string>;
  /**
   * Emails one person of this coalition, at most once per event: "sent", "skipped" when it
   * already went out for this event, or "not-a-member" when the person no longer belongs to
   * the coalition (recipients are checked at send time, not when the event was recorded).
   */
  notify(userId: string, message: Notification): Promise<"sent" | "skipped" | "not-a-member">;
  /** An absolute link to one of the module's pages in this coalition, for emails. */
  moduleUrl(path: string): string;
}

/** Mail for module notifications; the worker passes its transport and the public URL. */
export interface ModuleMail {
  transport: MailTransport;
  publicUrl: string;
}

export type Subscriber<Settings extends z.ZodObject> = (event: ModuleEvent, ctx: SubscriberContext<Settings>) => Promise<void>;

export interface ModuleServer<Settings extends z.ZodObject = z.ZodObject> {
  /** Keyed by event name; each must also be listed in the manifest's events.subscribes. */
  subscribers?: Readonly<Record<string, Subscriber<Settings>>>;
}

/** A module's server entry: `export default defineModuleServer(manifest, { subscribers: { … } })`. */
export function defineModuleServer<Settings extends z.ZodObject>(module: Module<Settings>, server: ModuleServer<Settings>): ModuleServer<Settings> {
  for (const type of Object.keys(server.subscribers ?? {})) {
    if (!module.events?.subscribes?.includes(type)) throw new Error(`Module "${module.id}" handles "${type}" but does not list it in events.subscribes.`);
  }
  return server;
}

const servers = new Map<string, Promise<ModuleServer>>();

async function loadServer(module: Module): Promise<ModuleServer | undefined> {
  if (!module.server) return undefined;
  let pending = servers.get(module.id);
  if (!pending) {
    pending = module.server().then((loaded) => ((loaded as { default?: ModuleServer }).default ?? (loaded as ModuleServer)));
    servers.set(module.id, pending);
  }
  return pending;
}

export type DispatchOutcome = "ran" | "already-ran" | "module-off";

/**
 * Hands one event to every module that subscribes to it. A module a coalition has switched
 * off gets nothing from that coalition (its jobs stop; its data stays). Each subscriber runs
 * at most once per event — the delivery ledger remembers it, even across job retries — and
 * inside the coalition's transaction, so what it writes commits or rolls back as a whole.
 */
export async function dispatchModuleEvent(
  modules: readonly Module[],
  event: ModuleEvent,
  deps: { ownerClient: OwnerClient; log: SubscriberLog; mail?: ModuleMail },
): Promise<Record<string, DispatchOutcome>> {
  const outcomes: Record<string, DispatchOutcome> = {};
  for (const module of modules) {
    if (!module.events?.subscribes?.includes(event.type)) continue;
    const server = await loadServer(module);
    const subscriber = server?.subscribers?.[event.type];
    if (!subscriber) continue;
    const state = await withTenant(event.tenantId, null, (db) => moduleState(db, module));
    if (!state.enabled) {
      outcomes[module.id] = "module-off";
      continue;
    }
    const result = await deliverOnce(deps.ownerClient, { eventId: event.id, recipient: `module:${module.id}`, channel: "subscriber" }, () =>
      withTenant(event.tenantId, null, async (db) => {
        const tenant = await db.tenant.findUnique({ where: { id: event.tenantId }, select: { slug: true } });
        const base = `${deps.mail?.publicUrl ?? ""}/c/${tenant?.slug ?? ""}/${module.id}`;
        return subscriber(event, {
          db,
          tenantId: event.tenantId,
          settings: state.settings,
          log: deps.log,
          emit: (type, payload) => {
            if (!type.startsWith(`${module.id}.`)) throw new Error(`Module "${module.id}" may only emit its own events, not "${type}".`);
            return recordModuleEvent(db, { type, tenantId: event.tenantId, payload });
          },
          notify: (userId, message) => notify(db, module, event, userId, message, deps),
          moduleUrl: (path) => [base, path.replace(/^\//, "")].filter(Boolean).join("/"),
        });
      }),
    );
    outcomes[module.id] = result === "sent" ? "ran" : "already-ran";
  }
  return outcomes;
}

async function notify(
  db: Db,
  module: Module,
  event: ModuleEvent,
  userId: string,
  message: Notification,
  deps: { ownerClient: OwnerClient; mail?: ModuleMail },
): Promise<"sent" | "skipped" | "not-a-member"> {
  if (!deps.mail) throw new Error(`Module "${module.id}" sent a notification, but this process has no mail transport.`);
  const { transport, publicUrl } = deps.mail;
  // Inside the coalition's transaction: only a current member of this coalition is found.
  const member = await db.membership.findFirst({ where: { userId }, select: { user: { select: { email: true, locale: true } } } });
  if (!member) return "not-a-member";
  const { email, locale } = member.user;
  const preferencesUrl = `${publicUrl}/account`;
  return deliverOnce(
    deps.ownerClient,
    { eventId: event.id, recipient: email, channel: `email:${module.id}` },
    async (messageId) => {
      await sendMail(transport, {
        to: email,
        messageId,
        ...notificationEmail({ subject: message.subject, text: message.text, unsubscribeUrl: preferencesUrl, preferencesUrl, locale }),
      });
    },
    { isPermanent: isPermanentSmtpError },
  );
}
