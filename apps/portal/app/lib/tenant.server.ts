import type { AppLoadContext } from "@remix-run/node";
import { appClient, withTenant, type Db, type Role } from "@commons/db";
import { permissionsFor, type Permission, type ValidSession } from "@commons/auth";
import { notFound, requireUser, getSession } from "./session.server.ts";

export interface TenantSummary {
  id: string;
  slug: string;
  name: string;
  description: string;
}

export interface MembershipSummary {
  id: string;
  role: Role;
  organisationId: string | null;
}

// Coalitions are created rarely and renamed more rarely: a short cache saves a query on
// every page without serving a stale name for long.
const TENANT_TTL_MS = 30_000;
const tenantCache = new Map<string, { tenant: TenantSummary | null; at: number }>();

export async function findTenant(slug: string | undefined): Promise<TenantSummary | null> {
  if (!slug || !/^[a-z0-9-]{1,64}$/.test(slug)) return null;
  const cached = tenantCache.get(slug);
  if (cached && Date.now() - cached.at < TENANT_TTL_MS) return cached.tenant;
  const tenant = await appClient().tenant.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, description: true } });
  tenantCache.set(slug, { tenant, at: Date.now() });
  return tenant;
}

export async function requireTenant(params: { tenant?: string }): Promise<TenantSummary> {
  const tenant = await findTenant(params.tenant);
  if (!tenant) throw notFound();
  return tenant;
}

// The layout and the page of one request share one membership lookup.
const memberships = new WeakMap<Request, Promise<MembershipSummary | null>>();

export function findMembership(request: Request, tenant: TenantSummary, session: ValidSession | null): Promise<MembershipSummary | null> {
  if (!session) return Promise.resolve(null);
  let pending = memberships.get(request);
  if (!pending) {
    pending = withTenant(tenant.id, session.user.id, (db) =>
      db.membership.findUnique({
        where: { tenantId_userId: { tenantId: tenant.id, userId: session.user.id } },
        select: { id: true, role: true, organisationId: true },
      }),
    );
    memberships.set(request, pending);
  }
  return pending;
}

export interface MemberContext {
  db: Db;
  tenant: TenantSummary;
  session: ValidSession;
  membership: MembershipSummary;
  permissions: ReadonlySet<Permission>;
}

/**
 * The guard for a coalition's private pages. Someone signed out is sent to sign in (for
 * any slug, real or not); someone without a role there, or without `permission`, gets the
 * same 404 as for a coalition that does not exist. `work` runs in the tenant transaction.
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
  const membership = await findMembership(request, tenant, session);
  if (!membership) throw notFound();
  const permissions = permissionsFor(membership.role);
  if (permission && !permissions.has(permission)) throw notFound();
  return withTenant(tenant.id, session.user.id, (db) => work({ db, tenant, session, membership, permissions }));
}

export async function tenantVisitor(request: Request, context: AppLoadContext, params: { tenant?: string }) {
  const tenant = await requireTenant(params);
  const session = await getSession(request, context);
  const membership = await findMembership(request, tenant, session);
  return { tenant, session, membership, permissions: membership ? permissionsFor(membership.role) : new Set<Permission>() };
}

export const PAGE_SIZE = 25;

export function pageParam(request: Request): number {
  const page = Number(new URL(request.url).searchParams.get("page") ?? 1);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}
