import type { z } from "zod";
import { withTenant, type Db } from "@commons/db";
import type { Module } from "../manifest.ts";
import type { Role } from "../roles.ts";
import { moduleEmitter } from "./emit.server.ts";
import { rolePermissions } from "./permissions.server.ts";
import { getSession, notFound, requireTenant, requireUser, type RequestContext, type TenantSummary } from "./request.server.ts";

/** Everything a module's loader or action is handed: nothing outside its coalition. */
export interface ModulePerson {
  id: string;
  name: string;
  email: string;
  /** The person's chosen language (a locale tag such as "en"). */
  locale: string;
  role: Role;
  organisationId: string | null;
}

export interface ModuleContext<Settings extends z.ZodObject> {
  /** Tenant-scoped data access: every query is limited to this coalition, twice over. */
  db: Db;
  tenant: TenantSummary;
  person: ModulePerson;
  /**
   * The coalition bar's data, built in this transaction. Return it from the loader as
   * `member` (`return { ...data, member: nav }`) and the portal shows the bar without a
   * second database round trip.
   */
  nav: unknown;
  permissions: ReadonlySet<string>;
  can(permission: string): boolean;
  /** This coalition's settings for the module, defaults filled in. */
  settings: z.infer<Settings>;
  /** Records a domain event in the same transaction as the change it describes. */
  emit(type: string, payload: Record<string, unknown>): Promise<string>;
}

/** What a public page's loader or action is handed: `person` is null for a visitor. */
export interface VisitorContext<Settings extends z.ZodObject> extends Omit<ModuleContext<Settings>, "person"> {
  person: ModulePerson | null;
}

/** Whether a coalition has the module on (core modules always are). */
export async function moduleState<Settings extends z.ZodObject>(db: Db, module: Module<Settings>): Promise<{ enabled: boolean; settings: z.infer<Settings> }> {
  // Core modules are always on, but a coalition still keeps settings for them.
  const row = !module.core || module.settings ? await db.moduleSetting.findFirst({ where: { moduleId: module.id }, select: { enabled: true, settings: true } }) : null;
  return stateFromRow(module, row);
}

function stateFromRow<Settings extends z.ZodObject>(module: Module<Settings>, row: { enabled: boolean; settings: unknown } | null | undefined): { enabled: boolean; settings: z.infer<Settings> } {
  const parsed = module.settings?.safeParse(row?.settings ?? {});
  // Settings saved before a module changed its schema fall back to the defaults.
  const settings = (parsed?.success ? parsed.data : (module.settings?.parse({}) ?? {})) as z.infer<Settings>;
  return { enabled: module.core ? true : !!row?.enabled, settings };
}

type ModuleRow = { enabled: boolean; settings: unknown };

/**
 * The person's role and every module row of the coalition in one statement: a module page
 * needs both before it can decide anything, and the coalition bar's list of switched-on
 * plugins comes from the same rows.
 */
async function roleAndModules(db: Db, tenantId: string, userId: string | null): Promise<{ membership: { role: Role; organisationId: string | null } | null; modules: Map<string, ModuleRow> }> {
  const [row] = await db.$queryRaw<{ role: Role | null; organisation_id: string | null; modules: { moduleId: string; enabled: boolean; settings: unknown }[] }[]>`
    SELECT m.role::text AS role, m.organisation_id,
           COALESCE((SELECT json_agg(json_build_object('moduleId', s.module_id, 'enabled', s.enabled, 'settings', s.settings))
                     FROM module_settings s WHERE s.tenant_id = ${tenantId}::uuid), '[]'::json) AS modules
    FROM (SELECT 1) AS one
    LEFT JOIN memberships m ON m.tenant_id = ${tenantId}::uuid AND m.user_id = ${userId}::uuid`;
  const membership = row?.role ? { role: row.role, organisationId: row.organisation_id } : null;
  return { membership, modules: new Map((row?.modules ?? []).map((m) => [m.moduleId, m])) };
}

/**
 * Builds the coalition bar's data for a member, in the page's own transaction. The portal
 * provides it at start-up; without one (plugin tests) `nav` is null.
 */
export type NavigationProvider = (
  db: Db,
  tenant: TenantSummary,
  member: { role: Role; permissions: ReadonlySet<string>; locale: string; enabledModuleIds: ReadonlySet<string> },
) => Promise<unknown>;

let navigationProvider: NavigationProvider | null = null;

export function provideModuleNavigation(provider: NavigationProvider | null): void {
  navigationProvider = provider;
}

function enabledIds(rows: Map<string, ModuleRow>): Set<string> {
  return new Set([...rows].filter(([, row]) => row.enabled).map(([id]) => id));
}

type Args = { request: Request; context: RequestContext; params: { tenant?: string } };

async function enter<Settings extends z.ZodObject>(
  db: Db,
  module: Module<Settings>,
  tenant: TenantSummary,
  session: { user: { id: string; name: string; email: string; locale: string } } | null,
): Promise<Omit<VisitorContext<Settings>, "db" | "tenant"> & { enabled: boolean }> {
  const { membership, modules: rows } = await roleAndModules(db, tenant.id, session?.user.id ?? null);
  const state = stateFromRow(module, rows.get(module.id));
  const permissions: ReadonlySet<string> = membership ? rolePermissions(membership.role, [module]) : new Set();
  const person =
    membership && session
      ? { id: session.user.id, name: session.user.name, email: session.user.email, locale: session.user.locale, role: membership.role, organisationId: membership.organisationId }
      : null;
  const nav = person && state.enabled && navigationProvider ? await navigationProvider(db, tenant, { role: person.role, permissions, locale: person.locale, enabledModuleIds: enabledIds(rows) }) : null;
  return {
    enabled: state.enabled,
    person,
    permissions,
    can: (p) => permissions.has(p),
    settings: state.settings,
    nav,
    emit: moduleEmitter(db, module as unknown as Module, tenant.id),
  };
}

/**
 * The guard every module route starts with. Signed out → sign in. No role in the coalition,
 * module switched off, or permission missing → the same 404 as a page that does not exist.
 * `work` runs in the coalition's transaction.
 */
export async function withModule<Settings extends z.ZodObject, T>(
  args: Args,
  module: Module<Settings>,
  permission: string | null,
  work: (ctx: ModuleContext<Settings>) => Promise<T>,
): Promise<T> {
  const session = await requireUser(args.request, args.context);
  const tenant = await requireTenant(args.params);
  return withTenant(tenant.id, session.user.id, async (db) => {
    const { enabled, person, ...rest } = await enter(db, module, tenant, session);
    if (!person || !enabled) throw notFound();
    if (permission && !rest.permissions.has(permission)) throw notFound();
    return work({ db, tenant, person, ...rest });
  });
}

/**
 * For a module's public pages (a published directory, an application form): anyone may
 * come, signed in or not. `person` is null for visitors and for people of other coalitions,
 * who hold no permissions here. A switched-off module is still a 404.
 */
export async function withModuleVisitor<Settings extends z.ZodObject, T>(args: Args, module: Module<Settings>, work: (ctx: VisitorContext<Settings>) => Promise<T>): Promise<T> {
  const tenant = await requireTenant(args.params);
  const session = await getSession(args.request, args.context);
  return withTenant(tenant.id, session?.user.id ?? null, async (db) => {
    const { enabled, ...rest } = await enter(db, module, tenant, session);
    if (!enabled) throw notFound();
    return work({ db, tenant, ...rest });
  });
}
