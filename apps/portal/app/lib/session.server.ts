import { redirect, type AppLoadContext } from "@remix-run/node";
import { negotiateLocale } from "@commons/i18n";
import { readSessionToken, serializeSessionCookie, validateSessionToken, type ValidSession } from "@commons/auth";
import { translatorFor } from "./i18n.ts";

// Loaders of one request run in parallel and share one session lookup. Remix gives each
// loader its own Request object, but one load context per request: key on that.
const sessions = new WeakMap<AppLoadContext, Promise<ValidSession | null>>();

export function getSession(request: Request, context: AppLoadContext): Promise<ValidSession | null> {
  let pending = sessions.get(context);
  if (!pending) {
    const token = readSessionToken(request.headers.get("cookie"), context.secureCookies);
    pending = token ? validateSessionToken(token) : Promise.resolve(null);
    sessions.set(context, pending);
  }
  return pending;
}

/** Cookie to re-send when the sliding expiry moved (else none). */
export function renewedCookie(request: Request, context: AppLoadContext, session: ValidSession | null): HeadersInit | undefined {
  if (!session?.renewed) return undefined;
  const token = readSessionToken(request.headers.get("cookie"), context.secureCookies)!;
  return { "Set-Cookie": serializeSessionCookie(token, session.expiresAt, context.secureCookies) };
}

/** Only same-site paths, so a crafted link cannot send someone elsewhere after sign-in. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

export async function requireUser(request: Request, context: AppLoadContext): Promise<ValidSession> {
  const session = await getSession(request, context);
  if (!session) {
    const url = new URL(request.url);
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return session;
}

export async function requirePlatformOperator(request: Request, context: AppLoadContext): Promise<ValidSession> {
  const session = await requireUser(request, context);
  if (!session.user.isPlatformOperator) throw notFound();
  return session;
}

export function notFound(): Response {
  return new Response("Not found", { status: 404 });
}

export function localeFor(request: Request, session: ValidSession | null): string {
  return session?.user.locale ?? negotiateLocale(request.headers.get("accept-language"));
}

export function requestTranslator(request: Request, session: ValidSession | null) {
  return translatorFor(localeFor(request, session));
}
