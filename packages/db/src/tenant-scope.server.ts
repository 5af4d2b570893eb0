import { AsyncLocalStorage } from "node:async_hooks";
import { Prisma, type PrismaClient } from "./generated/client.ts";
import { TENANT_MODELS } from "./tenant-models.ts";

/**
 * Wall one of two: every query on a tenant model gets `tenantId` added to its filter and
 * its written data. A query on a tenant model outside `withTenant` throws: deny by default.
 * Wall two (row-level security keyed on app.tenant_id) holds even if this code is wrong.
 */
interface Scope {
  tenantId: string | null;
  userId: string | null;
}

const scopeStorage = new AsyncLocalStorage<Scope>();

const FILTERED = new Set([
  "findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany",
  "count", "aggregate", "groupBy", "update", "updateMany", "updateManyAndReturn",
  "delete", "deleteMany",
]);
const CREATING = new Set(["create", "createMany", "createManyAndReturn"]);

export class MissingTenantError extends Error {
  constructor(model: string, operation: string) {
    super(`${model}.${operation} ran without a tenant: wrap it in withTenant().`);
    this.name = "MissingTenantError";
  }
}

function withTenantData<T>(data: T, tenantId: string): T {
  if (Array.isArray(data)) return data.map((row) => ({ ...row, tenantId })) as T;
  return { ...(data as object), tenantId } as T;
}

function scopeArgs(model: string, operation: string, args: Record<string, unknown>): Record<string, unknown> {
  if (!TENANT_MODELS.has(model)) return args;
  const tenantId = scopeStorage.getStore()?.tenantId;
  if (!tenantId) throw new MissingTenantError(model, operation);
  if (FILTERED.has(operation)) return { ...args, where: { ...(args.where as object), tenantId } };
  if (CREATING.has(operation)) return { ...args, data: withTenantData(args.data, tenantId) };
  if (operation === "upsert") {
    return {
      ...args,
      where: { ...(args.where as object), tenantId },
      create: withTenantData(args.create, tenantId),
    };
  }
  return args;
}

export function tenantScopedExtension() {
  return Prisma.defineExtension({
    name: "tenant-scope",
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          return query(scopeArgs(model, operation, (args ?? {}) as Record<string, unknown>));
        },
      },
    },
  });
}

export function createScopedClient(client: PrismaClient) {
  return client.$extends(tenantScopedExtension());
}

export type ScopedClient = ReturnType<typeof createScopedClient>;
export type Db = Omit<ScopedClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface TransactionOptions {
  /** Serializable where concurrent requests must have one effect (votes, answers). */
  isolationLevel?: Prisma.TransactionIsolationLevel;
  timeout?: number;
}

/**
 * Runs `work` in one transaction where both walls know the tenant (and the person, for
 * the rows a person may read across coalitions: their own memberships). The setting is
 * transaction-local (`set_config(..., true)`), so a pooled connection never carries it on.
 */
export function runScoped<T>(
  client: ScopedClient,
  scope: Scope,
  work: (db: Db) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  return scopeStorage.run(scope, () =>
    client.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT set_config('app.tenant_id', ${scope.tenantId ?? ""}, true), set_config('app.user_id', ${scope.userId ?? ""}, true)`;
        return work(tx as Db);
      },
      { isolationLevel: options.isolationLevel, timeout: options.timeout ?? 15_000, maxWait: 10_000 },
    ),
  );
}

export function currentScope(): Scope | undefined {
  return scopeStorage.getStore();
}

/** The tenant of the surrounding withTenant(), for typed creates (the layer sets it anyway). */
export function scopedTenantId(): string {
  const tenantId = scopeStorage.getStore()?.tenantId;
  if (!tenantId) throw new MissingTenantError("(create)", "scopedTenantId");
  return tenantId;
}
