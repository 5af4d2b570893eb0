import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultStorageDir, isStorageKey, localStorage, newStorageKey, StorageKeyError } from "./index.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "commons-storage-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("local storage", () => {
  it("keeps bytes and their type, and forgets them on delete", async () => {
    const store = localStorage(dir);
    const key = newStorageKey("logos/tenant-1");
    await store.put(key, new Uint8Array([1, 2, 3]), "image/png");
    expect(await store.get(key)).toEqual({ bytes: new Uint8Array([1, 2, 3]), contentType: "image/png" });
    await store.put(key, new Uint8Array([4]), "image/webp");
    expect(await store.get(key)).toEqual({ bytes: new Uint8Array([4]), contentType: "image/webp" });
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    await store.delete(key); // twice is fine
  });

  it("answers null for a key never written", async () => {
    expect(await localStorage(dir).get("logos/nothing-here")).toBeNull();
  });

  it("leaves no temporary file behind", async () => {
    const store = localStorage(dir);
    await store.put("a/b", new Uint8Array(10), "application/octet-stream");
    expect((await readdir(path.join(dir, "a"))).sort()).toEqual(["b", "b.type"]);
  });

  it.each(["../etc/passwd", "/etc/passwd", "a/../../b", "a/./b", "logo.png", "a//b", "", "A/B", "a\\b", "a/b\u0000", "a/b/", "%2e%2e/x"])("refuses the key %j", async (key) => {
    const store = localStorage(dir);
    expect(isStorageKey(key)).toBe(false);
    await expect(store.put(key, new Uint8Array(1), "image/png")).rejects.toBeInstanceOf(StorageKeyError);
    await expect(store.get(key)).rejects.toBeInstanceOf(StorageKeyError);
    await expect(store.delete(key)).rejects.toBeInstanceOf(StorageKeyError);
  });

  it("refuses a content type that is not one", async () => {
    await expect(localStorage(dir).put("a/b", new Uint8Array(1), "text/html\r\nX-Evil: 1")).rejects.toThrow(/content type/);
  });

  it("makes fresh keys under a prefix, and refuses a prefix that is not made of key segments", () => {
    const a = newStorageKey("logos/t1");
    expect(a).toMatch(/^logos\/t1\/[0-9a-f-]{36}$/);
    expect(newStorageKey("logos/t1")).not.toBe(a);
    expect(() => newStorageKey("../x")).toThrow(StorageKeyError);
  });

  it("stores under STORAGE_DIR when set, else .data/uploads at the repository root", () => {
    const before = process.env.STORAGE_DIR;
    try {
      process.env.STORAGE_DIR = dir;
      expect(defaultStorageDir()).toBe(dir);
      delete process.env.STORAGE_DIR;
      expect(defaultStorageDir()).toMatch(/[/\\]\.data[/\\]uploads$/);
    } finally {
      if (before === undefined) delete process.env.STORAGE_DIR;
      else process.env.STORAGE_DIR = before;
    }
  });
});
