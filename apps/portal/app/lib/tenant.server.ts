import type { AppLoadContext } from "@remix-run/node";
import { withTenant, type Db, type Role } from "@commons/db";
import { requireTenant, type TenantSummary } from "@commons/plugin-sdk/server";
import type { Permission, ValidSession } from "@commons/auth";
import { rolePermissions } from "@commons/plugin-sdk/server";
import { MODULES } from "../../modules.config.ts";
import { configurableModules, enabledPluginIds, moduleNavigation, type ModuleNavLink } from "./modules.server.ts";
import { getSession, notFound, requireUser } from "./session.server.ts";

export { findTenant, requireTenant, type TenantSummary } from "@commons/plugin-sdk/server";

export interface MembershipSummary {
  id: string;
  role: Role;
  organisationId: string | null;
}

/** What the coalition's navigation needs to know about the person; pages return it as `member`. */
export interface MemberNav {
  role: Role;
  can: { activity: boolean; invite: boolean; modules: boolean };
  /** Entries of the plugins this coalition has on, as far as the person may see them. */
  modules: ModuleNavLink[];
}

/** Everything the role may do: the core's permissions plus those installed modules grant it. */
export function memberPermissions(role: Role): Set<Permission> {
  return rolePermissions(role, MODULES);
}

/**
 * Built inside the page's tenant transaction: one small query, none without plugins, and
 * none when the caller has already read the coalition's switched-on modules (module pages).
 */
export async function memberNav(db: Db, tenant: TenantSummary, role: Role, permissions: ReadonlySet<Permission>, locale: string, enabledModuleIds?: ReadonlySet<string>): Promise<MemberNav> {
  const enabled = enabledModuleIds ?? (await enabledPluginIds(db));
  return {
    role,
    can: { activity: permissions.has("activity:read"), invite: permissions.has("member:invite"), modules: permissions.has("module:manage") && configurableModules().length > 0 },
    modules: moduleNavigation(tenant.slug, enabled, permissions, locale),
  };
}

function findMembership(db: Db, tenant: TenantSummary, userId: string): Promise<MembershipSummary | null> {
  return db.membership.findUnique({
    where: { tenantId_userId: { tenantId: tenant.id, userId } },
    select: { id: true, role: true, organisationId: true },
  });
}

export interface MemberContext {
  db: Db;
  tenant: TenantSummary;
  session: ValidSession;
  membership: MembershipSummary;
  permissions: ReadonlySet<Permission>;
  nav: MemberNav;
}

/**
 * The guard for a coalition's private pages. Someone signed out is sent to sign in (for
 * any slug, real or not); someone without a role there, or without `permission`, gets the
 * same 404 as for a coalition that does not exist. The check and `work` share one tenant
 * transaction, so a page costs one BEGIN/set_config/COMMIT, not one per lookup.
 */
export async function withMember<T>(
  request: Request,
  context: AppLoadContext,
  params: { tenant?: string },
  permission: Permission | null,
  work: (ctx: MemberContext) => Promise<T>,
): Promise<T> {
  const session = await requireUser(request, context);
  const tenant = await requireTenant(params);
  return withTenant(tenant.id, session.user.id, async (db) => {
    const membership = await findMembership(db, tenant, session.user.id);
    if (!membership) throw notFound();
    const permissions = memberPermissions(membership.role);
    if (permission && !permissions.has(permission)) throw notFound();
    const nav = await memberNav(db, tenant, membership.role, permissions, session.user.locale);
    return work({ db, tenant, session, membership, permissions, nav });
  });
}

/** For a coalition's public pages: anyone may read; members also get their navigation. */
export async function withVisitor<T>(
  request: Request,
  context: AppLoadContext,
  params: { tenant?: string },
  work: (ctx: { db: Db; tenant: TenantSummary; session: ValidSession | null; nav: MemberNav | null }) => Promise<T>,
): Promise<T> {
  const tenant = await requireTenant(params);
  const session = await getSession(request, context);
  return withTenant(tenant.id, session?.user.id ?? null, async (db) => {
    const membership = session ? await findMembership(db, tenant, session.user.id) : null;
    const nav = membership && session ? await memberNav(db, tenant, membership.role, memberPermissions(membership.role), session.user.locale) : null;
    return work({ db, tenant, session, nav });
  });
}

export const PAGE_SIZE = 25;

export function pageParam(request: Request): number {
  const page = Number(new URL(request.url).searchParams.get("page") ?? 1);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}
