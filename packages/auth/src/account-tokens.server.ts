import { appClient, withAccount, withTenant, type AccountTokenPurpose } from "@commons/db";
import { generateToken, hashToken } from "./tokens.server.ts";

/** Short-lived, single-use, hashed at rest (SECURITY.md, "Reset and invitation tokens"). */
export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  EMAIL_VERIFICATION: 24 * 60 * 60 * 1000,
  PASSWORD_RESET: 60 * 60 * 1000,
};
export const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

/** Called when the email goes out: the raw token exists only in that email. */
export async function issueAccountToken(userId: string, purpose: AccountTokenPurpose): Promise<string> {
  const token = generateToken();
  await appClient().accountToken.create({
    data: { tokenHash: hashToken(token), userId, purpose, expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]) },
  });
  return token;
}

/** True when the token could be consumed now; reads only, for showing the right form. */
export async function isAccountTokenUsable(token: string, purpose: AccountTokenPurpose): Promise<boolean> {
  const row = await appClient().accountToken.findUnique({ where: { tokenHash: hashToken(token) } });
  return !!row && row.purpose === purpose && !row.usedAt && row.expiresAt > new Date();
}

/**
 * Marks the token used and returns its user, or null when it is unknown, expired, used or
 * for another purpose. One UPDATE decides, so two concurrent uses cannot both succeed.
 */
export async function consumeAccountToken(token: string, purpose: AccountTokenPurpose): Promise<string | null> {
  return withAccount(null, async (db) => {
    const now = new Date();
    const tokenHash = hashToken(token);
    const { count } = await db.accountToken.updateMany({
      where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count !== 1) return null;
    const row = await db.accountToken.findUnique({ where: { tokenHash }, select: { userId: true } });
    return row?.userId ?? null;
  });
}

/** Replaces the invitation's token (a resend makes the older link stop working). */
export async function issueInvitationToken(tenantId: string, invitationId: string): Promise<string> {
  const token = generateToken();
  await withTenant(tenantId, null, (db) =>
    db.invitation.update({
      where: { id: invitationId },
      data: { tokenHash: hashToken(token), expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS) },
    }),
  );
  return token;
}
