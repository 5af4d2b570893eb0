import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import members from "../manifest.ts";
import { csv, importNow, previewData, uploaded } from "./import-helpers.ts";

// The writer fails after its first statements (organisations created, their history written):
// the import must leave nothing behind.
vi.mock("../src/import/run.server.ts", async (original) => {
  const real = await original<typeof import("../src/import/run.server.ts")>();
  return {
    ...real,
    writeImport: async (...args: Parameters<typeof real.writeImport>) => {
      await real.writeImport(...args);
      throw new Error("the database went away");
    },
  };
});

useTestDatabase();

let h: PluginHarness;
let admin: HarnessPerson;

beforeAll(async () => {
  h = await createPluginHarness(members);
  admin = await h.person({ role: "SECRETARIAT_ADMIN" });
});

afterAll(() => h?.close());

it("writes nothing when the import fails midway, says so clearly, and lets the person try again", async () => {
  const id = await uploaded(h, admin, { name: "fails.csv", content: csv(["Name,Email", "Alpha Network,alpha@example.org", "Beta Alliance,beta@example.org"]) });
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  const r = await importNow(h, admin, id);
  errors.mockRestore();
  expect(r.status).toBe(500);
  expect(r.data).toMatchObject({ ok: false, formError: expect.stringMatching(/nothing was changed/) });
  expect(await h.db((db) => db.organisation.count())).toBe(0);
  expect(await h.db((db) => db.membersStatusChange.count())).toBe(0);
  expect(await h.db((db) => db.activity.count({ where: { action: "members.import.completed" } }))).toBe(0);
  const stored = await h.db((db) => db.membersImport.findFirstOrThrow({ where: { id }, select: { status: true, rows: true } }));
  expect(stored.status).toBe("FAILED");
  expect(stored.rows).toHaveLength(2);
  // Still a preview: the page offers the import again.
  expect((await previewData(h, admin, id)).preview!.summary).toMatchObject({ ready: 2 });
});
