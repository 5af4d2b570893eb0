import type { MailTransport } from "./transport.server.ts";
import type { MailMessage } from "./templates.ts";

export const DEFAULT_FROM = "Commons <no-reply@commons.localhost>";

export type MailAddress = string | { name: string; address: string };

export interface OutgoingMail extends MailMessage {
  to: MailAddress;
  from?: MailAddress;
  /** `<unique@domain>`, chosen by the caller so a retried send carries the same Message-ID. */
  messageId: string;
}

export class HeaderInjectionError extends Error {
  constructor(field: string) {
    super(`Refusing to send: the ${field} contains a line break, which could inject mail headers.`);
    this.name = "HeaderInjectionError";
  }
}

/** An SMTP server accepted the message for some recipients but refused ours. */
export class RecipientRejectedError extends Error {
  readonly responseCode = 550;
  constructor(recipients: string[]) {
    super(`The SMTP server rejected ${recipients.join(", ")}.`);
    this.name = "RecipientRejectedError";
  }
}

const LINE_BREAK = /[\r\n]/;

function refuseLineBreaks(field: string, value: string): void {
  if (LINE_BREAK.test(value)) throw new HeaderInjectionError(field);
}

function checkAddress(field: string, value: MailAddress): void {
  if (typeof value === "string") return refuseLineBreaks(`${field} address`, value);
  refuseLineBreaks(`${field} name`, value.name);
  refuseLineBreaks(`${field} address`, value.address);
}

/**
 * Sends one message. Every value that ends up in a header is checked for CR/LF first:
 * nodemailer encodes most of them, but a refused send is easier to reason about than
 * relying on each header's encoder.
 */
export async function sendMail(transport: MailTransport, mail: OutgoingMail): Promise<{ messageId: string }> {
  const from = mail.from ?? process.env.MAIL_FROM ?? DEFAULT_FROM;
  checkAddress("recipient", mail.to);
  // One message, one recipient: deliveries are recorded per recipient, and a comma in an
  // address someone typed must not quietly add a second one.
  const toAddress = typeof mail.to === "string" ? mail.to : mail.to.address;
  if (/[,;]/.test(toAddress)) throw new Error(`Refusing to send: "${toAddress}" is more than one address.`);
  checkAddress("sender", from);
  refuseLineBreaks("subject", mail.subject);
  refuseLineBreaks("Message-ID", mail.messageId);
  if (!/^<[^<>\s@]+@[^<>\s@]+>$/.test(mail.messageId)) {
    throw new Error(`Message-ID must look like <unique@domain>, got ${mail.messageId}`);
  }
  for (const [name, value] of Object.entries(mail.headers)) {
    refuseLineBreaks(`header name ${JSON.stringify(name)}`, name);
    refuseLineBreaks(`${name} header`, value);
  }
  const info = await transport.sendMail({
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    messageId: mail.messageId,
  });
  const rejected = info.rejected.map((r) => (typeof r === "string" ? r : r.address));
  if (rejected.length) throw new RecipientRejectedError(rejected);
  return { messageId: mail.messageId };
}

function responseCode(err: unknown): number | undefined {
  if (typeof err !== "object" || err === null || !("responseCode" in err)) return undefined;
  const code = Number(err.responseCode);
  return Number.isFinite(code) ? code : undefined;
}

/**
 * 5xx replies mean "do not try this again" (RFC 5321 §4.2.1); everything else (4xx,
 * refused connections, timeouts, a lost socket) may succeed later and is retried with
 * backoff. A HeaderInjectionError never will, so it counts as permanent too.
 */
export function isPermanentSmtpError(err: unknown): boolean {
  if (err instanceof HeaderInjectionError) return true;
  const code = responseCode(err);
  return code !== undefined && code >= 500 && code < 600;
}
