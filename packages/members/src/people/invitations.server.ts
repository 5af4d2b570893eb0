import { hitRateLimits, INVITATION_LIFETIME_MS, RATE_LIMITS } from "@commons/auth";
import { recordEvent } from "@commons/jobs";
import type { Db } from "./access.server.ts";

export type InvitationState = "pending" | "accepted" | "revoked" | "expired";

export function invitationState(i: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = Date.now()): InvitationState {
  return i.acceptedAt ? "accepted" : i.revokedAt ? "revoked" : i.expiresAt.getTime() < now ? "expired" : "pending";
}

/** The per-person invitation limit (shared with the portal's invitations page). */
export function hitInviteLimit(userId: string) {
  return hitRateLimits([[`invite:${userId}`, RATE_LIMITS.invitePerPerson]]);
}

/**
 * Asks the worker for the invitation email. The worker makes the token when it sends
 * (issueInvitationToken), so every new event means a new link.
 */
export function requestInvitationEmail(db: Db, tenantId: string, invitationId: string) {
  return recordEvent(db, { type: "invitation.created", tenantId, payload: { invitationId } });
}

/**
 * The one way a module invites someone into the coalition: the invitation row, and the event
 * that has the worker email its link. Members and focal points name their organisation;
 * stakeholders (invited into a forum by the forums module) have none.
 */
export async function createInvitation(
  db: Db,
  tenantId: string,
  input: { email: string; role: "MEMBER" | "FOCAL_POINT" | "STAKEHOLDER"; organisationId: string | null; invitedById: string },
) {
  const invitation = await db.invitation.create({
    data: { tenantId, ...input, expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS) },
    select: { id: true },
  });
  await requestInvitationEmail(db, tenantId, invitation.id);
  return invitation;
}

/**
 * Resend: the old link stops working at once (its token is forgotten), the invitation
 * gets a new lifetime, and the worker sends a new email with a new token. An accepted
 * or revoked invitation is left alone (returns false).
 */
export async function resendInvitation(db: Db, tenantId: string, where: { id: string; organisationId?: string }): Promise<boolean> {
  const changed = await db.invitation.updateMany({
    where: { ...where, acceptedAt: null, revokedAt: null },
    data: { tokenHash: null, expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS) },
  });
  if (changed.count !== 1) return false;
  await requestInvitationEmail(db, tenantId, where.id);
  return true;
}

/** Revoke: the link stops working; an accepted invitation is left alone (returns false). */
export async function revokeInvitation(db: Db, where: { id: string; organisationId?: string }): Promise<boolean> {
  const changed = await db.invitation.updateMany({ where: { ...where, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date(), tokenHash: null } });
  return changed.count === 1;
}
