import { Prisma } from "./generated/client.ts";

/**
 * Models whose rows belong to one coalition: every model with a `tenantId` field, except
 * the outbox, whose rows may be account-level and which only the relay reads.
 */
const NOT_TENANT_SCOPED = new Set<string>(["OutboxEvent"]);

function modelsWithTenantId(): Set<string> {
  const models = new Set<string>();
  for (const model of Object.values(Prisma.ModelName)) {
    const fields = (Prisma as unknown as Record<string, Record<string, string> | undefined>)[
      `${model}ScalarFieldEnum`
    ];
    if (fields && "tenantId" in fields && !NOT_TENANT_SCOPED.has(model)) models.add(model);
  }
  return models;
}

export const TENANT_MODELS: ReadonlySet<string> = modelsWithTenantId();
