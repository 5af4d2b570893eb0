import { describe, expect, it, beforeAll } from "vitest";
import { useTestDatabase } from "@commons/db/test-database";
import { appClient } from "@commons/db";
import { ownerClient } from "@commons/db/admin";
import { createSession, invalidateSession, invalidateUserSessions, readSessionToken, serializeSessionCookie, validateSessionToken, SESSION_IDLE_MS } from "./session.server.ts";
import { hashToken } from "./tokens.server.ts";

useTestDatabase();
let userId: string;

beforeAll(async () => {
  userId = (await ownerClient().user.create({ data: { email: "s@example.org", name: "S" } })).id;
});

describe("sessions", () => {
  it("stores only the SHA-256 of a 160-bit token", async () => {
    const { token } = await createSession(userId);
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    const rows = await ownerClient().session.findMany({ where: { userId } });
    expect(rows.map((r) => r.id)).toContain(hashToken(token));
    expect(rows.map((r) => r.id)).not.toContain(token);
  });

  it("validates a token and returns the person", async () => {
    const { token } = await createSession(userId);
    const session = await validateSessionToken(token);
    expect(session?.user.email).toBe("s@example.org");
    expect(session?.renewed).toBe(false);
    expect(await validateSessionToken("a".repeat(32))).toBeNull();
    expect(await validateSessionToken("not a token")).toBeNull();
  });

  it("slides the idle expiry when half of it is spent, never past the absolute lifetime", async () => {
    const { token } = await createSession(userId);
    const id = hashToken(token);
    const soon = new Date(Date.now() + 60_000);
    await appClient().session.update({ where: { id }, data: { expiresAt: soon } });
    const renewed = await validateSessionToken(token);
    expect(renewed?.renewed).toBe(true);
    expect(renewed!.expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_IDLE_MS - 60_000);

    const cap = new Date(Date.now() + 120_000);
    await appClient().session.update({ where: { id }, data: { expiresAt: soon, absoluteExpiresAt: cap } });
    expect((await validateSessionToken(token))!.expiresAt.getTime()).toBe(cap.getTime());
  });

  it("rejects and deletes an expired session", async () => {
    const { token } = await createSession(userId);
    const id = hashToken(token);
    await appClient().session.update({ where: { id }, data: { absoluteExpiresAt: new Date(Date.now() - 1000) } });
    expect(await validateSessionToken(token)).toBeNull();
    expect(await appClient().session.findUnique({ where: { id } })).toBeNull();
  });

  it("ends one session on sign-out, and all others on password change", async () => {
    const a = await createSession(userId);
    const b = await createSession(userId);
    const c = await createSession(userId);
    await invalidateSession(hashToken(a.token));
    expect(await validateSessionToken(a.token)).toBeNull();
    await invalidateUserSessions(userId, hashToken(b.token));
    expect(await validateSessionToken(b.token)).not.toBeNull();
    expect(await validateSessionToken(c.token)).toBeNull();
  });

  it("writes HttpOnly, SameSite=Lax cookies, __Host- and Secure in production", () => {
    const expires = new Date("2030-01-01T00:00:00Z");
    expect(serializeSessionCookie("tok", expires, false)).toBe("commons_session=tok; Path=/; HttpOnly; SameSite=Lax; Expires=Tue, 01 Jan 2030 00:00:00 GMT");
    const secure = serializeSessionCookie("tok", expires, true);
    expect(secure).toMatch(/^__Host-commons_session=tok; Path=\/; HttpOnly; SameSite=Lax; .*; Secure$/);
    expect(secure).not.toMatch(/Domain/);
    expect(readSessionToken("a=b; __Host-commons_session=xyz", true)).toBe("xyz");
    expect(readSessionToken("commons_session=xyz", true)).toBeNull();
  });
});
