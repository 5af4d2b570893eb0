export { createMailTransport, SMTP_TIMEOUTS, type MailTransport } from "./transport.server.ts";
export { verificationEmail, passwordResetEmail, invitationEmail, notificationEmail, type MailMessage } from "./templates.ts";
export {
  sendMail,
  isPermanentSmtpError,
  HeaderInjectionError,
  RecipientRejectedError,
  DEFAULT_FROM,
  type OutgoingMail,
  type MailAddress,
} from "./send.server.ts";
export { escapeHtml } from "./html.ts";
