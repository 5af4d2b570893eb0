import { appClient, type Db } from "@commons/db";
import { generateToken, hashToken } from "./tokens.server.ts";

/**
 * Sessions after the Lucia design: the cookie holds a random token, the table its SHA-256.
 * Idle expiry slides (30 days, renewed when half spent, so most requests write nothing);
 * an absolute lifetime (90 days) caps every session whatever its activity.
 */
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 30 * DAY;
export const SESSION_ABSOLUTE_MS = 90 * DAY;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  isPlatformOperator: boolean;
  locale: string;
}

export interface ValidSession {
  sessionId: string;
  expiresAt: Date;
  user: SessionUser;
  /** The cookie needs re-sending with the new expiry. */
  renewed: boolean;
}

export async function createSession(userId: string, db?: Db): Promise<{ token: string; expiresAt: Date }> {
  const token = generateToken();
  const now = Date.now();
  const expiresAt = new Date(now + SESSION_IDLE_MS);
  await (db ?? appClient()).session.create({
    data: { id: hashToken(token), userId, expiresAt, absoluteExpiresAt: new Date(now + SESSION_ABSOLUTE_MS) },
  });
  return { token, expiresAt };
}

export async function validateSessionToken(token: string): Promise<ValidSession | null> {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const id = hashToken(token);
  const client = appClient();
  // One statement: this runs on every signed-in request.
  const rows = await client.$queryRaw<
    { expires_at: Date; absolute_expires_at: Date; user_id: string; email: string; name: string; is_platform_operator: boolean; locale: string }[]
  >`SELECT s.expires_at, s.absolute_expires_at, u.id AS user_id, u.email, u.name, u.is_platform_operator, u.locale
      FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ${id}`;
  const found = rows[0];
  const row = found && {
    expiresAt: found.expires_at,
    absoluteExpiresAt: found.absolute_expires_at,
    user: { id: found.user_id, email: found.email, name: found.name, isPlatformOperator: found.is_platform_operator, locale: found.locale },
  };
  if (!row) return null;
  const now = Date.now();
  if (now >= row.expiresAt.getTime() || now >= row.absoluteExpiresAt.getTime()) {
    await client.session.deleteMany({ where: { id } });
    return null;
  }
  let expiresAt = row.expiresAt;
  let renewed = false;
  if (row.expiresAt.getTime() - now < SESSION_IDLE_MS / 2) {
    expiresAt = new Date(Math.min(now + SESSION_IDLE_MS, row.absoluteExpiresAt.getTime()));
    await client.session.update({ where: { id }, data: { expiresAt } });
    renewed = true;
  }
  return { sessionId: id, expiresAt, user: row.user, renewed };
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await appClient().session.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of a person, but the one they are using when `keep` is given. */
export async function invalidateUserSessions(userId: string, keep?: string, db?: Db): Promise<void> {
  await (db ?? appClient()).session.deleteMany({ where: { userId, ...(keep ? { id: { not: keep } } : {}) } });
}

/** `__Host-` pins the cookie to our origin over HTTPS (SECURITY.md); plain name on http dev. */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-commons_session" : "commons_session";
}

export function serializeSessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  const parts = [`${sessionCookieName(secure)}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Expires=${expiresAt.toUTCString()}`];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

export function clearSessionCookie(secure: boolean): string {
  const parts = [`${sessionCookieName(secure)}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0"];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

export function readSessionToken(cookieHeader: string | null, secure: boolean): string | null {
  if (!cookieHeader) return null;
  const name = sessionCookieName(secure);
  for (const part of cookieHeader.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=") || null;
  }
  return null;
}
