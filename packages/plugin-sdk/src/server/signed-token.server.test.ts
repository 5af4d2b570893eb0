import { afterEach, describe, expect, it } from "vitest";
import { signToken, verifyToken } from "./signed-token.server.ts";

describe("signed tokens", () => {
  const env = { ...process.env };
  afterEach(() => {
    process.env = { ...env };
  });

  it("give back the claims they were signed with", () => {
    const token = signToken("forums.unsubscribe", { u: "person", k: "thread", id: "t1" });
    expect(verifyToken("forums.unsubscribe", token)).toEqual({ u: "person", k: "thread", id: "t1" });
  });

  it("refuse a token altered, signed for another purpose, or malformed", () => {
    const token = signToken("forums.unsubscribe", { u: "person" });
    const [body, signature] = token.split(".");
    const other = Buffer.from(JSON.stringify({ u: "someone-else" })).toString("base64url");
    expect(verifyToken("forums.unsubscribe", `${other}.${signature}`)).toBeNull();
    expect(verifyToken("forums.unsubscribe", `${body}.${signature!.slice(0, -2)}AA`)).toBeNull();
    expect(verifyToken("members.unsubscribe", token)).toBeNull();
    for (const bad of ["", ".", "abc", `${body}.`, `${token}.x`]) expect(verifyToken("forums.unsubscribe", bad)).toBeNull();
  });

  it("depend on TOKEN_SECRET, and refuse to sign without one in production", () => {
    const token = signToken("p", { a: "1" });
    process.env.TOKEN_SECRET = "x".repeat(40);
    expect(verifyToken("p", token)).toBeNull();
    expect(verifyToken("p", signToken("p", { a: "1" }))).toEqual({ a: "1" });
    delete process.env.TOKEN_SECRET;
    process.env.NODE_ENV = "production";
    expect(() => signToken("p", { a: "1" })).toThrow(/TOKEN_SECRET/);
  });
});
