import type { z } from "zod";
import { withTenant, type Db } from "@commons/db";
import { recordModuleEvent } from "@commons/jobs";
import type { Module } from "../manifest.ts";
import type { Role } from "../roles.ts";
import { rolePermissions } from "./permissions.server.ts";
import { notFound, requireTenant, requireUser, type RequestContext, type TenantSummary } from "./request.server.ts";

/** Everything a module's loader or action is handed: nothing outside its coalition. */
export interface ModuleContext<Settings extends z.ZodObject> {
  /** Tenant-scoped data access: every query is limited to this coalition, twice over. */
  db: Db;
  tenant: TenantSummary;
  person: { id: string; name: string; email: string; role: Role; organisationId: string | null };
  permissions: ReadonlySet<string>;
  can(permission: string): boolean;
  /** This coalition's settings for the module, defaults filled in. */
  settings: z.infer<Settings>;
  /** Records a domain event in the same transaction as the change it describes. */
  emit(type: string, payload: Record<string, unknown>): Promise<string>;
}

/** Whether a coalition has the module on (core modules always are). */
export async function moduleState<Settings extends z.ZodObject>(db: Db, module: Module<Settings>): Promise<{ enabled: boolean; settings: z.infer<Settings> }> {
  const row = module.core ? null : await db.moduleSetting.findFirst({ where: { moduleId: module.id }, select: { enabled: true, settings: true } });
  const parsed = module.settings?.safeParse(row?.settings ?? {});
  // Settings saved before a module changed its schema fall back to the defaults.
  const settings = (parsed?.success ? parsed.data : (module.settings?.parse({}) ?? {})) as z.infer<Settings>;
  return { enabled: module.core ? true : !!row?.enabled, settings };
}

/**
 * The guard every module route starts with. Signed out → sign in. No role in the coalition,
 * module switched off, or permission missing → the same 404 as a page that does not exist.
 * `work` runs in the coalition's transaction.
 */
export async function withModule<Settings extends z.ZodObject, T>(
  args: { request: Request; context: RequestContext; params: { tenant?: string } },
  module: Module<Settings>,
  permission: string | null,
  work: (ctx: ModuleContext<Settings>) => Promise<T>,
): Promise<T> {
  const session = await requireUser(args.request, args.context);
  const tenant = await requireTenant(args.params);
  return withTenant(tenant.id, session.user.id, async (db) => {
    const membership = await db.membership.findUnique({
      where: { tenantId_userId: { tenantId: tenant.id, userId: session.user.id } },
      select: { role: true, organisationId: true },
    });
    if (!membership) throw notFound();
    const state = await moduleState(db, module);
    if (!state.enabled) throw notFound();
    const permissions = rolePermissions(membership.role, [module]);
    if (permission && !permissions.has(permission)) throw notFound();
    return work({
      db,
      tenant,
      person: { id: session.user.id, name: session.user.name, email: session.user.email, role: membership.role, organisationId: membership.organisationId },
      permissions,
      can: (p) => permissions.has(p),
      settings: state.settings,
      emit: (type, payload) => {
        if (!type.startsWith(`${module.id}.`)) throw new Error(`Module "${module.id}" may only emit its own events ("${module.id}.…"), not "${type}".`);
        return recordModuleEvent(db, { type, tenantId: tenant.id, payload });
      },
    });
  });
}
