import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@commons/db/test-database";
import { hashPassword, passwordProblem, verifyPassword } from "./password.server.ts";
import { checkRateLimits, hitRateLimit, hitRateLimits } from "./rate-limit.server.ts";

useTestDatabase();

describe("passwords", () => {
  it("hash with argon2id at OWASP's minimum cost and verify", async () => {
    const hashed = await hashPassword("correct horse battery");
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hashed, "correct horse battery")).toBe(true);
    expect(await verifyPassword(hashed, "correct horse batter")).toBe(false);
    expect(await verifyPassword(null, "anything")).toBe(false);
  });

  it("refuse short, over-long and common passwords, counting characters not bytes", () => {
    expect(passwordProblem("short")).toBe("tooShort");
    expect(passwordProblem("x".repeat(129))).toBe("tooLong");
    expect(passwordProblem("é".repeat(128))).toBeNull();
    expect(passwordProblem("Password123")).toBe("common");
    expect(passwordProblem("mining-transparency-now")).toBeNull();
  });

  it("do not truncate long passwords", async () => {
    const long = "a".repeat(100);
    const hashed = await hashPassword(long);
    expect(await verifyPassword(hashed, "a".repeat(99) + "b")).toBe(false);
  });
});

describe("rate limits", () => {
  it("allow up to the limit in a window, then say how long to wait", async () => {
    const rule = { limit: 3, windowSeconds: 600 };
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit("test:a", rule));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfterSeconds).toBeGreaterThan(590);
  });

  it("count concurrent hits exactly", async () => {
    const rule = { limit: 10, windowSeconds: 600 };
    const results = await Promise.all(Array.from({ length: 25 }, () => hitRateLimit("test:b", rule)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
  });

  it("block when any of several limits is reached", async () => {
    const tight = { limit: 1, windowSeconds: 60 };
    const loose = { limit: 100, windowSeconds: 60 };
    expect((await hitRateLimits([["test:c", tight], ["test:d", loose]])).allowed).toBe(true);
    expect((await hitRateLimits([["test:c", tight], ["test:d", loose]])).allowed).toBe(false);
  });

  it("can be checked without counting, so only failures use them up", async () => {
    const rule = { limit: 2, windowSeconds: 600 };
    for (let i = 0; i < 5; i++) expect((await checkRateLimits([["test:e", rule]])).allowed).toBe(true);
    await hitRateLimits([["test:e", rule]]);
    await hitRateLimits([["test:e", rule]]);
    const blocked = await checkRateLimits([["test:e", rule]]);
    expect(blocked.allowed).toBe(false);
    expect(blocked.retryAfterSeconds).toBeGreaterThan(590);
  });
});
