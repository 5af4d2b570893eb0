import { createTranslator, DEFAULT_LOCALE } from "@commons/i18n";
import { textToHtml } from "./html.ts";

/** What a template builds; `sendMail` adds the envelope (to, from, Message-ID). */
export interface MailMessage {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

interface Locale {
  locale?: string;
}

const SIGNATURE_SEPARATOR = "\n\n-- \n";

function build(locale: string, subject: string, body: string, footerLines: string[], links: string[], headers: Record<string, string> = {}): MailMessage {
  const text = `${body}${SIGNATURE_SEPARATOR}${footerLines.join("\n")}\n`;
  return { subject, text, html: textToHtml(text, links, locale), headers };
}

export function verificationEmail({ name, url, locale = DEFAULT_LOCALE }: { name: string; url: string } & Locale): MailMessage {
  const t = createTranslator(locale);
  return build(locale, t("mail.verify.subject"), t("mail.verify.body", { name, url }), [t("mail.footer")], [url]);
}

export function passwordResetEmail({ name, url, locale = DEFAULT_LOCALE }: { name: string; url: string } & Locale): MailMessage {
  const t = createTranslator(locale);
  return build(locale, t("mail.reset.subject"), t("mail.reset.body", { name, url }), [t("mail.footer")], [url]);
}

export function invitationEmail({
  coalition,
  inviter,
  role,
  url,
  locale = DEFAULT_LOCALE,
}: { coalition: string; inviter: string; role: string; url: string } & Locale): MailMessage {
  const t = createTranslator(locale);
  return build(
    locale,
    t("mail.invite.subject", { coalition }),
    t("mail.invite.body", { coalition, inviter, role, url }),
    [t("mail.footer")],
    [url],
  );
}

/**
 * Any email sent because someone follows something. RFC 8058 one-click unsubscribe: mail
 * providers show their own unsubscribe button and POST to the URL, so it must work without
 * a session or a confirmation page.
 */
export function notificationEmail({
  subject,
  text,
  unsubscribeUrl,
  preferencesUrl,
  locale = DEFAULT_LOCALE,
}: { subject: string; text: string; unsubscribeUrl: string; preferencesUrl: string } & Locale): MailMessage {
  const t = createTranslator(locale);
  return build(
    locale,
    subject,
    text,
    [t("mail.footer"), t("mail.preferences", { url: preferencesUrl }), t("mail.notification.unsubscribe", { url: unsubscribeUrl })],
    [preferencesUrl, unsubscribeUrl],
    { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  );
}
