import { readSessionToken, validateSessionToken, type ValidSession } from "@commons/auth";
import { appClient } from "@commons/db";

/**
 * What every page, core or plugin, needs to know about the request it serves: who is
 * signed in and which coalition the URL names. The portal's load context satisfies it.
 */
export interface RequestContext {
  /** Cookies get Secure and the __Host- prefix (production). */
  secureCookies: boolean;
  clientIp: string;
}

// Loaders of one request run in parallel and share one session lookup. Remix gives each
// loader its own Request object but one load context per request: key on that.
const sessions = new WeakMap<RequestContext, Promise<ValidSession | null>>();

export function getSession(request: Request, context: RequestContext): Promise<ValidSession | null> {
  let pending = sessions.get(context);
  if (!pending) {
    const token = readSessionToken(request.headers.get("cookie"), context.secureCookies);
    pending = token ? validateSessionToken(token) : Promise.resolve(null);
    sessions.set(context, pending);
  }
  return pending;
}

/** The same answer for "no such page", "no such coalition" and "not yours to see". */
export function notFound(): Response {
  return new Response("Not found", { status: 404 });
}

export async function requireUser(request: Request, context: RequestContext): Promise<ValidSession> {
  const session = await getSession(request, context);
  if (!session) {
    const url = new URL(request.url);
    throw new Response(null, { status: 302, headers: { Location: `/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}` } });
  }
  return session;
}

export interface TenantSummary {
  id: string;
  slug: string;
  name: string;
  description: string;
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
