import { appClient } from "@commons/db";

/**
 * Fixed-window counters in PostgreSQL, shared by every portal process. Windows are short
 * (15–60 min), so an attacker hammering someone's account delays them, never locks them out
 * for long; a reset link (limited separately) always remains.
 */
export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

export const RATE_LIMITS = {
  signInPerAccount: { limit: 10, windowSeconds: 15 * 60 },
  // Failures only; an office of many members behind one address stays well below it.
  signInPerIp: { limit: 100, windowSeconds: 15 * 60 },
  resetPerAccount: { limit: 3, windowSeconds: 60 * 60 },
  resetPerIp: { limit: 30, windowSeconds: 60 * 60 },
  registerPerIp: { limit: 20, windowSeconds: 60 * 60 },
  invitePerPerson: { limit: 100, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;

export interface RateLimitResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

export async function hitRateLimit(key: string, rule: RateLimitRule): Promise<RateLimitResult> {
  const rows = await appClient().$queryRaw<{ count: number; window_start: Date }[]>`
    INSERT INTO rate_limits (key, count, window_start) VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${rule.windowSeconds}) THEN 1 ELSE rate_limits.count + 1 END,
      window_start = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${rule.windowSeconds}) THEN now() ELSE rate_limits.window_start END
    RETURNING count, window_start`;
  const row = rows[0]!;
  const elapsed = (Date.now() - row.window_start.getTime()) / 1000;
  return { allowed: row.count <= rule.limit, retryAfterSeconds: Math.max(1, Math.ceil(rule.windowSeconds - elapsed)) };
}

/** Checks several limits at once; the request is allowed only if all allow it. */
export async function hitRateLimits(hits: [key: string, rule: RateLimitRule][]): Promise<RateLimitResult> {
  const results = await Promise.all(hits.map(([key, rule]) => hitRateLimit(key, rule)));
  const blocked = results.filter((r) => !r.allowed);
  return blocked.length
    ? { allowed: false, retryAfterSeconds: Math.max(...blocked.map((r) => r.retryAfterSeconds)) }
    : { allowed: true, retryAfterSeconds: 0 };
}

/**
 * Read-only: is any of these limits already reached? For limits that count failures only
 * (sign-in), check first, then `hitRateLimits` when the attempt fails, so a person who
 * signs in often is never limited by their own successes.
 */
export async function checkRateLimits(hits: [key: string, rule: RateLimitRule][]): Promise<RateLimitResult> {
  const keys = hits.map(([key]) => key);
  const rows = await appClient().$queryRaw<{ key: string; count: number; window_start: Date }[]>`
    SELECT key, count, window_start FROM rate_limits WHERE key = ANY(${keys})`;
  const now = Date.now();
  let retryAfterSeconds = 0;
  for (const [key, rule] of hits) {
    const row = rows.find((r) => r.key === key);
    if (!row) continue;
    const elapsed = (now - row.window_start.getTime()) / 1000;
    if (elapsed < rule.windowSeconds && row.count >= rule.limit) retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil(rule.windowSeconds - elapsed));
  }
  return { allowed: retryAfterSeconds === 0, retryAfterSeconds };
}
