export { generateToken, hashToken } from "./tokens.server.ts";
export { hashPassword, verifyPassword, passwordProblem, PASSWORD_MAX, PASSWORD_MIN, type PasswordProblem } from "./password.server.ts";
export {
  createSession, validateSessionToken, invalidateSession, invalidateUserSessions,
  sessionCookieName, serializeSessionCookie, clearSessionCookie, readSessionToken,
  SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, type SessionUser, type ValidSession,
} from "./session.server.ts";
export {
  issueAccountToken, consumeAccountToken, isAccountTokenUsable, issueInvitationToken,
  TOKEN_LIFETIME_MS, INVITATION_LIFETIME_MS,
} from "./account-tokens.server.ts";
export { checkRateLimits, hitRateLimit, hitRateLimits, RATE_LIMITS, type RateLimitRule, type RateLimitResult } from "./rate-limit.server.ts";
export { CORE_PERMISSIONS, ROLE_PERMISSIONS, ROLES, permissionsFor, type Permission } from "./permissions.ts";
