import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@commons/db/testing";
import { describeSchema } from "./catalog.ts";
import { diffSchemas, flattenSchema, MIGRATIONS_DIR } from "./schema-diff.ts";
import { handWrittenSql } from "./hand-written.ts";

/**
 * Fails when prisma/schema and prisma/migrations disagree: one database is built by the
 * migrations (the test template), another from the schema alone, and their catalogs must
 * match. Fix a failure with `npm run db:migration -- <name>`. SQL below a migration's
 * hand-written marker line (see hand-written.ts) is applied to both.
 */
const made: TestDatabase[] = [];
afterAll(async () => Promise.all(made.map((d) => d.drop())));

describe("prisma schema and migrations", () => {
  it("describe the same database", async () => {
    const fromMigrations = await createTestDatabase(inject("databaseServerUrl"), inject("databaseTemplate"));
    const fromSchema = await createTestDatabase(inject("databaseServerUrl"), "template0");
    made.push(fromMigrations, fromSchema);

    const script = await diffSchemas({ from: "empty", to: await flattenSchema(), databaseUrl: fromSchema.ownerUrl });
    const client = new pg.Client({ connectionString: fromSchema.ownerUrl });
    await client.connect();
    await client.query(script);
    // What Prisma's schema cannot say (CHECK constraints, expression indexes) is written by
    // hand below a marker in a migration; the schema-built side gets the same statements.
    const folders = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    for (const folder of folders) {
      const extra = handWrittenSql(await readFile(path.join(MIGRATIONS_DIR, folder, "migration.sql"), "utf8"));
      if (extra) await client.query(extra);
    }
    await client.end();

    const [expected, actual] = await Promise.all([describeSchema(fromSchema.ownerUrl), describeSchema(fromMigrations.ownerUrl)]);
    expect(actual.enums).toEqual(expected.enums);
    expect(actual.columns).toEqual(expected.columns);
    expect(actual.indexes).toEqual(expected.indexes);
    expect(actual.constraints).toEqual(expected.constraints);
  }, 120_000);
});
