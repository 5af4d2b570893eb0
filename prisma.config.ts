// Prisma 7 reads the datasource URL here, not from the schema. Used by `prisma generate`
// (always) and by an operator's `prisma migrate deploy` (where the schema engine can be
// downloaded). Our own start-up applies the same migrations without the engine: see
// docs/decisions/002-migrations-without-the-schema-engine.md.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/commons" },
});
