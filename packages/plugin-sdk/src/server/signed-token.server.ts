import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signed tokens for links that must work without a session, such as RFC 8058 one-click
 * unsubscribe links: the claims travel in the URL, and the signature (HMAC-SHA256 with the
 * deployment's TOKEN_SECRET) shows the portal wrote them. `purpose` is part of what is
 * signed, so a token made for one use ("forums.unsubscribe") is refused for any other.
 */
export type TokenClaims = Readonly<Record<string, string>>;

// Development and tests share a fixed key; production refuses to sign with a known one.
const DEVELOPMENT_SECRET = "commons-development-only-token-secret";

function secret(): string {
  const configured = process.env.TOKEN_SECRET;
  if (configured) {
    if (configured.length < 32) throw new Error("TOKEN_SECRET must be at least 32 characters.");
    return configured;
  }
  if (process.env.NODE_ENV === "production") throw new Error("TOKEN_SECRET is not set: signed links (one-click unsubscribe) need it in production.");
  return DEVELOPMENT_SECRET;
}

function mac(purpose: string, body: string): Buffer {
  return createHmac("sha256", secret()).update(`${purpose}\n${body}`).digest();
}

export function signToken(purpose: string, claims: TokenClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${body}.${mac(purpose, body).toString("base64url")}`;
}

/** The claims, or null for a token that is malformed, altered or signed for another purpose. */
export function verifyToken(purpose: string, token: string): TokenClaims | null {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined || token.length > 2000) return null;
  const expected = mac(purpose, body);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    if (typeof claims !== "object" || claims === null || Array.isArray(claims)) return null;
    if (!Object.values(claims).every((v) => typeof v === "string")) return null;
    return claims as TokenClaims;
  } catch {
    return null;
  }
}
