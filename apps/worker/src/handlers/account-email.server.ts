import { issueAccountToken } from "@commons/auth";
import { withAccount } from "@commons/db";
import { isPermanentSmtpError, passwordResetEmail, sendMail, verificationEmail } from "@commons/email";
import { deliverOnce, parseEventPayload } from "@commons/jobs";
import type { EventEnvelope, HandlerContext } from "./context.ts";

type Purpose = "EMAIL_VERIFICATION" | "PASSWORD_RESET";

const PURPOSES = {
  EMAIL_VERIFICATION: { type: "account.verification_requested", path: "verify-email", build: verificationEmail },
  PASSWORD_RESET: { type: "account.password_reset_requested", path: "reset-password", build: passwordResetEmail },
} as const;

/**
 * The token is issued inside the send, after the delivery row is locked: only its hash is
 * stored (by @commons/auth), the raw value lives in this function and the email, and a
 * skipped duplicate run issues none.
 */
export async function sendAccountEmail(event: EventEnvelope, ctx: HandlerContext, purpose: Purpose): Promise<void> {
  const { type, path, build } = PURPOSES[purpose];
  const { userId } = parseEventPayload(type, event.payload);
  const log = ctx.log.child({ eventId: event.eventId, type: event.type });
  const user = await withAccount(null, (db) => db.user.findUnique({ where: { id: userId } }));
  if (!user) return log.info("account no longer exists; nothing to send");
  if (purpose === "EMAIL_VERIFICATION" && user.emailVerifiedAt) return log.info("email already verified; nothing to send");

  const result = await deliverOnce(
    ctx.ownerClient,
    { eventId: event.eventId, recipient: user.email, channel: "email" },
    async (messageId) => {
      const token = await issueAccountToken(user.id, purpose);
      const url = `${ctx.publicUrl}/${path}/${token}`;
      await sendMail(ctx.transport, { to: user.email, messageId, ...build({ name: user.name, url, locale: user.locale }) });
    },
    { isPermanent: isPermanentSmtpError },
  );
  log.info(result === "sent" ? "email sent" : "email already sent; skipped", { userId });
}
