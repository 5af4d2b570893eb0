import { withTenant, type Db } from "@commons/db";
import { escapeHtml, isPermanentSmtpError, notificationEmail, sendMail, type MailTransport } from "@commons/email";
import { createCatalogueTranslator, DEFAULT_LOCALE, type Params } from "@commons/i18n";
import { deliverOnce, type OwnerClient } from "@commons/jobs";
import type { Module } from "../manifest.ts";
import { moduleState } from "./module-access.server.ts";
import { hookContext, loadModuleServer, type EmailOptions, type ModuleEvent, type ModuleServer, type Notification, type SubscriberLog } from "./module-server.server.ts";

/** Mail for module notifications; the worker passes its transport and the public URL. */
export interface ModuleMail {
  transport: MailTransport;
  publicUrl: string;
}

/** "opted-out": the person turned email updates from this coalition off. */
export type NotifyOutcome = "sent" | "skipped" | "not-a-member" | "opted-out";

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
    const server = await loadModuleServer(module);
    const subscriber = server?.subscribers?.[event.type];
    if (!subscriber) continue;
    const state = await withTenant(event.tenantId, null, (db) => moduleState(db, module));
    if (!state.enabled) {
      outcomes[module.id] = "module-off";
      continue;
    }
    const result = await deliverOnce(deps.ownerClient, { eventId: event.id, recipient: `module:${module.id}`, channel: "subscriber" }, () =>
      withTenant(event.tenantId, null, async (db) => {
        const base = await hookContext(db, module, event.tenantId, state.settings, { log: deps.log, publicUrl: deps.mail?.publicUrl });
        const send = (userId: string, render: (locale: string) => Notification, options?: EmailOptions) => notify(db, module, event, userId, render, options, deps);
        return subscriber(event, {
          ...base,
          notify: (userId, message, options) => send(userId, () => message, options),
          email: (userId, template, data, options) => send(userId, (locale) => renderTemplate(module, server, template, data, locale), options),
          emailAddress: (address, template, data, locale) =>
            emailAddress(db, module, event, address, (l) => renderTemplate(module, server, template, data, l), locale, deps),
        });
      }),
    );
    outcomes[module.id] = result === "sent" ? "ran" : "already-ran";
  }
  return outcomes;
}

function renderTemplate(module: Module, server: ModuleServer | undefined, name: string, data: Params, locale: string): Notification {
  const template = server?.emails?.[name];
  if (!template) throw new Error(`Module "${module.id}" has no email template "${name}".`);
  return template(data, createCatalogueTranslator(module.messages ?? {}, locale));
}

async function notify(
  db: Db,
  module: Module,
  event: ModuleEvent,
  userId: string,
  render: (locale: string) => Notification,
  options: EmailOptions | undefined,
  deps: { ownerClient: OwnerClient; mail?: ModuleMail },
): Promise<NotifyOutcome> {
  if (!deps.mail) throw new Error(`Module "${module.id}" sent a notification, but this process has no mail transport.`);
  const { transport, publicUrl } = deps.mail;
  // Inside the coalition's transaction: only a current member of this coalition is found.
  const member = await db.membership.findFirst({
    where: { userId },
    select: { emailUpdates: true, tenant: { select: { slug: true } }, user: { select: { email: true, locale: true } } },
  });
  if (!member) return "not-a-member";
  // The person turned this coalition's notifications off (members module, "Your membership").
  if (!member.emailUpdates) return "opted-out";
  const { email, locale } = member.user;
  const message = render(locale);
  const preferencesUrl = `${publicUrl}/c/${member.tenant.slug}/members/me`;
  return deliverOnce(
    deps.ownerClient,
    { eventId: event.id, recipient: email, channel: `email:${module.id}` },
    async (messageId) => {
      await sendMail(transport, {
        to: email,
        messageId,
        ...notificationEmail({ subject: message.subject, text: message.text, unsubscribeUrl: options?.unsubscribeUrl ?? preferencesUrl, preferencesUrl, locale }),
      });
    },
    { isPermanent: isPermanentSmtpError },
  );
}

/**
 * Mail about something a person who is not (yet) a member asked for: no preferences or
 * unsubscribe links, since they have no account here. Once per event and address.
 */
async function emailAddress(
  db: Db,
  module: Module,
  event: ModuleEvent,
  address: string,
  render: (locale: string) => Notification,
  locale: string | undefined,
  deps: { ownerClient: OwnerClient; mail?: ModuleMail },
): Promise<"sent" | "skipped"> {
  if (!deps.mail) throw new Error(`Module "${module.id}" sent an email, but this process has no mail transport.`);
  const { transport } = deps.mail;
  const to = address.trim().toLowerCase();
  const language = locale ?? (await db.user.findUnique({ where: { email: to }, select: { locale: true } }))?.locale ?? DEFAULT_LOCALE;
  const message = render(language);
  // The template says why the person gets it: there is no account footer to add.
  const text = `${message.text}\n`;
  const html = `<!doctype html>\n<html lang="${escapeHtml(language)}"><head><meta charset="utf-8"></head><body style="font-family: system-ui, sans-serif; font-size: 16px; line-height: 1.5; max-width: 36em;">${text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>\n")}</p>`)
    .join("\n")}</body></html>`;
  return deliverOnce(
    deps.ownerClient,
    { eventId: event.id, recipient: to, channel: `email:${module.id}` },
    async (messageId) => {
      await sendMail(transport, { to, messageId, subject: message.subject, text, html, headers: {} });
    },
    { isPermanent: isPermanentSmtpError },
  );
}
