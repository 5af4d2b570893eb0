import type { AppLoadContext } from "@remix-run/node";
import { negotiateLocale } from "@commons/i18n";
import { readSessionToken, serializeSessionCookie, type ValidSession } from "@commons/auth";
import { notFound, requireUser } from "@commons/plugin-sdk/server";
import { translatorFor } from "./i18n.ts";

export { getSession, notFound, requireUser } from "@commons/plugin-sdk/server";

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

export async function requirePlatformOperator(request: Request, context: AppLoadContext): Promise<ValidSession> {
  const session = await requireUser(request, context);
  if (!session.user.isPlatformOperator) throw notFound();
  return session;
}

export function localeFor(request: Request, session: ValidSession | null): string {
  return session?.user.locale ?? negotiateLocale(request.headers.get("accept-language"));
}

export function requestTranslator(request: Request, session: ValidSession | null) {
  return translatorFor(localeFor(request, session));
}
