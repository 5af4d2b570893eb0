import { checkImport, writeImport, type Ctx, type ImportCounts } from "./run.server.ts";
import { isImportKind, readMapping } from "./fields.ts";
import type { Problem } from "./check.server.ts";

/** What a finished import keeps: its counts and every skipped row with its reasons. The file's rows are dropped. */
export interface ImportReport {
  counts: ImportCounts;
  skipped: { row: number; problems: Problem[] }[];
}

/**
 * Imports an import's rows in the caller's transaction (withModule's): claims the import
 * (a second click waits here, then finds it done), serialises imports of one coalition,
 * checks every row against the coalition as it is now, writes set-based, keeps the report
 * and records the activity. Any failure rolls all of it back.
 */
export async function runImport(ctx: Ctx, importId: string): Promise<"done" | "taken"> {
  const claimed = await ctx.db.membersImport.updateMany({ where: { id: importId, status: { in: ["PREVIEW", "FAILED"] } }, data: { status: "IMPORTING" } });
  if (claimed.count === 0) return "taken";
  // Two imports of one coalition at once would both create the same new organisation.
  await ctx.db.$executeRaw`SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(${`members.import:${ctx.tenant.id}`}))) AS locked`;
  const found = await ctx.db.membersImport.findFirstOrThrow({ where: { id: importId }, select: { kind: true, columns: true, rows: true, mapping: true, fileName: true } });
  const kind = isImportKind(found.kind) ? found.kind : "organisations";
  const checked = await checkImport(ctx, kind, found.rows as string[][], readMapping(kind, found.mapping, found.columns.length));
  const counts = await writeImport(ctx, checked);
  const report: ImportReport = { counts, skipped: checked.rows.filter((r) => r.state === "error").map((r) => ({ row: r.row, problems: r.problems })) };
  await ctx.db.membersImport.update({
    where: { id: importId },
    data: { status: "DONE", processed: checked.rows.length, // JSON as Prisma takes it (the report's optional params are not InputJsonValue to the type checker).
      report: JSON.parse(JSON.stringify(report)), rows: [], finishedAt: new Date() },
  });
  await ctx.db.activity.create({
    data: { tenantId: ctx.tenant.id, actorId: ctx.person.id, action: "members.import.completed", subjectType: "members_import", subjectId: importId, data: { kind, fileName: found.fileName, ...counts } },
  });
  return "done";
}
