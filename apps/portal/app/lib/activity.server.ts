import { Prisma, scopedTenantId, type Db } from "@commons/db";

/** Writes one entry of the activity record inside the caller's tenant transaction. */
export function recordActivity(
  db: Db,
  entry: { actorId: string | null; action: string; subjectType?: string; subjectId?: string; data?: Record<string, unknown> },
) {
  return db.activity.create({
    data: {
      tenantId: scopedTenantId(),
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType ?? "",
      subjectId: entry.subjectId ?? "",
      data: (entry.data ?? {}) as Prisma.InputJsonObject,
    },
  });
}
