import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@commons/db/test-database";
import { ownerClient } from "@commons/db/admin";
import { consumeAccountToken, isAccountTokenUsable, issueAccountToken } from "./account-tokens.server.ts";
import { hashToken } from "./tokens.server.ts";

useTestDatabase();
let userId: string;
beforeAll(async () => {
  userId = (await ownerClient().user.create({ data: { email: "t@example.org", name: "T" } })).id;
});

describe("account tokens", () => {
  it("keep only a hash and work once", async () => {
    const token = await issueAccountToken(userId, "PASSWORD_RESET");
    const stored = await ownerClient().accountToken.findMany({ where: { userId } });
    expect(stored.map((t) => t.tokenHash)).toEqual([hashToken(token)]);
    expect(await isAccountTokenUsable(token, "PASSWORD_RESET")).toBe(true);
    expect(await consumeAccountToken(token, "EMAIL_VERIFICATION")).toBeNull();
    expect(await consumeAccountToken(token, "PASSWORD_RESET")).toBe(userId);
    expect(await consumeAccountToken(token, "PASSWORD_RESET")).toBeNull();
    expect(await isAccountTokenUsable(token, "PASSWORD_RESET")).toBe(false);
  });

  it("refuse an expired token", async () => {
    const token = await issueAccountToken(userId, "EMAIL_VERIFICATION");
    await ownerClient().accountToken.update({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await consumeAccountToken(token, "EMAIL_VERIFICATION")).toBeNull();
  });

  it("let only one of twenty concurrent uses succeed", async () => {
    const token = await issueAccountToken(userId, "PASSWORD_RESET");
    const results = await Promise.all(Array.from({ length: 20 }, () => consumeAccountToken(token, "PASSWORD_RESET")));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
