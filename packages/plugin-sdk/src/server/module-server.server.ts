import type { z } from "zod";
import type { Db } from "@commons/db";
import type { Params, TranslateAny } from "@commons/i18n";
import { moduleEmitter } from "./emit.server.ts";
import type { Module } from "../manifest.ts";

/**
 * A module's server entry (the manifest's lazy `server`): what the worker and the dev seed
 * run on the module's behalf. Every hook gets its coalition's tenant-scoped data layer and
 * nothing else.
 */

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

/**
 * Per-message options. `unsubscribeUrl`: a one-click (RFC 8058) link of the module's own,
 * which turns off exactly this kind of email without a session (sign it with signToken);
 * it goes into the List-Unsubscribe header and the footer. Without it, both lead to the
 * person's email preferences for the coalition.
 */
export interface EmailOptions {
  unsubscribeUrl?: string;
}

/** What every hook is handed: its coalition's data and settings, nothing else. */
export interface HookContext<Settings extends z.ZodObject> {
  db: Db;
  tenantId: string;
  settings: z.infer<Settings>;
  log: SubscriberLog;
  /** Records one of the module's own events ("<id>.…") in the hook's transaction. */
  emit(type: string, payload: Record<string, unknown>): Promise<string>;
  /** An absolute link to one of the module's pages in this coalition, for emails. */
  moduleUrl(path: string): string;
}

export interface SubscriberContext<Settings extends z.ZodObject> extends HookContext<Settings> {
  /**
   * Emails one person of this coalition, at most once per event: "sent", "skipped" when it
   * already went out for this event, or "not-a-member" when the person no longer belongs to
   * the coalition (recipients are checked at send time, not when the event was recorded), or
   * "opted-out" when they turned this coalition's email updates off.
   */
  notify(userId: string, message: Notification, options?: EmailOptions): Promise<"sent" | "skipped" | "not-a-member" | "opted-out">;
  /**
   * Like notify, but renders one of the server entry's `emails` templates in the
   * recipient's own language (their account locale, falling back to English per message).
   */
  email(userId: string, template: string, data: Params, options?: EmailOptions): Promise<"sent" | "skipped" | "not-a-member" | "opted-out">;
  /**
   * Emails an address that belongs to no member of the coalition yet (someone applying to
   * join), rendering one of the `emails` templates in `locale` (default: the language of an
   * account with that address, else English). At most once per event and address: "sent",
   * or "skipped" when it already went out. Only for mail about what that person asked for
   * (an application's progress), never for news or notifications.
   */
  emailAddress(address: string, template: string, data: Params, locale?: string): Promise<"sent" | "skipped">;
}

/**
 * A scheduled job's run for one coalition. Jobs send no mail themselves: they emit an event
 * and a subscriber notifies, so each email still goes out at most once (the outbox and the
 * delivery ledger see to it) however often a job is retried.
 */
export interface JobContext<Settings extends z.ZodObject> extends HookContext<Settings> {
  /** When this run was scheduled (the cron tick), not when it started. */
  scheduledAt: Date;
}

/** Demo data for one coalition, written by `npm start` when it seeds the demo coalitions. */
export interface SeedContext<Settings extends z.ZodObject> extends Omit<HookContext<Settings>, "emit" | "moduleUrl"> {
  /** The coalition's members, oldest first, with their role and organisation. */
  members: readonly { userId: string; name: string; role: string; organisationId: string | null }[];
  /** The coalition's organisations, by name. */
  organisations: readonly { id: string; name: string }[];
}

export type Subscriber<Settings extends z.ZodObject> = (event: ModuleEvent, ctx: SubscriberContext<Settings>) => Promise<void>;
export type JobProcessor<Settings extends z.ZodObject> = (ctx: JobContext<Settings>) => Promise<void>;
/** Renders one email from its data; `t` reads the module's messages in the recipient's locale. */
export type EmailTemplate = (data: Params, t: TranslateAny) => Notification;

export interface ModuleServer<Settings extends z.ZodObject = z.ZodObject> {
  /** Keyed by event name; each must also be listed in the manifest's events.subscribes. */
  subscribers?: Readonly<Record<string, Subscriber<Settings>>>;
  /** Keyed by job id; each must be declared in the manifest's `jobs` (with its schedule). */
  jobs?: Readonly<Record<string, JobProcessor<Settings>>>;
  /** Email templates by name, for `ctx.email(userId, name, data)`. */
  emails?: Readonly<Record<string, EmailTemplate>>;
  /**
   * Writes demo data into one coalition that has just had the module switched on by the
   * seed. Runs in that coalition's transaction, once per coalition.
   */
  seed?: (ctx: SeedContext<Settings>) => Promise<void>;
}

/** A module's server entry: `export default defineModuleServer(manifest, { subscribers: { … } })`. */
export function defineModuleServer<Settings extends z.ZodObject>(module: Module<Settings>, server: ModuleServer<Settings>): ModuleServer<Settings> {
  for (const type of Object.keys(server.subscribers ?? {})) {
    if (!module.events?.subscribes?.includes(type)) throw new Error(`Module "${module.id}" handles "${type}" but does not list it in events.subscribes.`);
  }
  for (const job of Object.keys(server.jobs ?? {})) {
    if (!module.jobs?.[job]) throw new Error(`Module "${module.id}" has a processor for job "${job}" but does not declare it in the manifest's jobs.`);
  }
  for (const job of Object.keys(module.jobs ?? {})) {
    if (!server.jobs?.[job]) throw new Error(`Module "${module.id}" declares job "${job}" but its server entry has no processor for it.`);
  }
  return server;
}

const servers = new Map<string, Promise<ModuleServer>>();

/** The module's server entry, imported once per process. */
export async function loadModuleServer(module: Module): Promise<ModuleServer | undefined> {
  if (!module.server) return undefined;
  let pending = servers.get(module.id);
  if (!pending) {
    pending = module.server().then((loaded) => ((loaded as { default?: ModuleServer }).default ?? (loaded as ModuleServer)));
    servers.set(module.id, pending);
  }
  return pending;
}

/** The hook context every hook shares; call inside withTenant(tenantId, …). */
export async function hookContext<Settings extends z.ZodObject>(
  db: Db,
  module: Module<Settings>,
  tenantId: string,
  settings: z.infer<Settings>,
  deps: { log: SubscriberLog; publicUrl?: string },
): Promise<HookContext<Settings>> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { slug: true } });
  const base = `${deps.publicUrl ?? ""}/c/${tenant?.slug ?? ""}/${module.id}`;
  return {
    db,
    tenantId,
    settings,
    log: deps.log,
    emit: moduleEmitter(db, module as unknown as Module, tenantId),
    moduleUrl: (path) => [base, path.replace(/^\//, "")].filter(Boolean).join("/"),
  };
}
