import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport/index.js";

export type MailTransport = Transporter<SMTPTransport.SentMessageInfo, SMTPTransport.Options>;

/**
 * Timeouts are set so a silent or half-open SMTP server turns into an error the worker can
 * retry, rather than a job that hangs until its lock expires (SECURITY.md, delivery).
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as const;

export function createMailTransport(smtpUrl: string | undefined = process.env.SMTP_URL): MailTransport {
  if (!smtpUrl) {
    throw new Error(
      "SMTP_URL is not set. Point it at your mail server (smtp://user:pass@host:587), or run `npm start`, which starts a local dev mailbox and sets it.",
    );
  }
  return nodemailer.createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS });
}
