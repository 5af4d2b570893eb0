import { issueInvitationToken } from "@commons/auth";
import { withTenant, type InvitationModel } from "@commons/db";
import { invitationEmail, isPermanentSmtpError, sendMail } from "@commons/email";
import { createTranslator, DEFAULT_LOCALE } from "@commons/i18n";
import { deliverOnce, parseEventPayload } from "@commons/jobs";
import { DeliveryCancelled, InvalidEvent, type EventHandler } from "./context.ts";

function whyNotSendable(invitation: Pick<InvitationModel, "acceptedAt" | "revokedAt" | "expiresAt"> | null, now = new Date()): string | null {
  if (!invitation) return "the invitation no longer exists";
  if (invitation.acceptedAt) return "the invitation was already accepted";
  if (invitation.revokedAt) return "the invitation was revoked";
  if (invitation.expiresAt <= now) return "the invitation has expired";
  return null;
}

export const invitationCreated: EventHandler = async (event, ctx) => {
  const { invitationId } = parseEventPayload("invitation.created", event.payload);
  const tenantId = event.tenantId;
  if (!tenantId) throw new InvalidEvent(`invitation.created ${event.eventId} has no tenantId.`);
  const log = ctx.log.child({ eventId: event.eventId, type: event.type, tenantId });

  const loaded = await withTenant(tenantId, null, async (db) => {
    const invitation = await db.invitation.findUnique({ where: { id: invitationId }, include: { tenant: true } });
    if (!invitation) return null;
    const inviter = invitation.invitedById ? await db.user.findUnique({ where: { id: invitation.invitedById } }) : null;
    // An invitee who already has an account reads the email in their own language.
    const invitee = await db.user.findUnique({ where: { email: invitation.email } });
    return { invitation, inviter, locale: invitee?.locale ?? DEFAULT_LOCALE };
  });
  const reason = whyNotSendable(loaded?.invitation ?? null);
  if (!loaded || reason) return log.info(`${reason}; nothing to send`, { invitationId });
  const { invitation, inviter, locale } = loaded;

  try {
    const result = await deliverOnce(
      ctx.ownerClient,
      { eventId: event.eventId, recipient: invitation.email, channel: "email" },
      async (messageId) => {
        // The job may have waited (retries, an outage): check again just before sending.
        const current = await withTenant(tenantId, null, (db) => db.invitation.findUnique({ where: { id: invitationId } }));
        const stale = whyNotSendable(current) ?? (current?.email !== invitation.email ? "the invitation's address changed" : null);
        if (stale) throw new DeliveryCancelled(stale);
        const token = await issueInvitationToken(tenantId, invitationId);
        const t = createTranslator(locale);
        await sendMail(ctx.transport, {
          to: invitation.email,
          messageId,
          ...invitationEmail({
            coalition: invitation.tenant.name,
            inviter: inviter?.name ?? t("mail.invite.inviterFallback", { coalition: invitation.tenant.name }),
            role: t(`role.${invitation.role}`),
            url: `${ctx.publicUrl}/c/${invitation.tenant.slug}/join/${token}`,
            locale,
          }),
        });
      },
      { isPermanent: (error) => error instanceof DeliveryCancelled || isPermanentSmtpError(error) },
    );
    log.info(result === "sent" ? "invitation sent" : "invitation already sent; skipped", { invitationId });
  } catch (error) {
    if (!(error instanceof DeliveryCancelled)) throw error;
    log.info(error.message, { invitationId });
  }
};
