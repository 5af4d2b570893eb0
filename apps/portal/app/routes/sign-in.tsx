import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { checkRateLimits, createSession, hitRateLimits, RATE_LIMITS, serializeSessionCookie, verifyPassword } from "@commons/auth";
import { withAccount, withTenant } from "@commons/db";
import { recordEvent } from "@commons/jobs";
import { Button, ErrorSummary, Notice, TextField } from "@commons/ui";
import { recordActivity } from "../lib/activity.server.ts";
import { formError, invalid, parseForm, readForm } from "../lib/forms.server.ts";
import { useT } from "../lib/i18n.ts";
import { getSession, requestTranslator, safeRedirect } from "../lib/session.server.ts";
import { fields } from "../lib/validation.ts";

export const meta: MetaFunction = () => [{ title: "Sign in · Commons" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getSession(request, context)) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

/** Failed sign-ins of secretariat admins go into each of their coalitions' records. */
async function recordAdminFailure(userId: string, email: string, ip: string) {
  const adminOf = await withAccount(userId, (db) =>
    db.$queryRaw<{ tenant_id: string }[]>`SELECT tenant_id FROM memberships WHERE user_id = ${userId}::uuid AND role = 'SECRETARIAT_ADMIN'`,
  );
  for (const { tenant_id } of adminOf) {
    await withTenant(tenant_id, null, (db) => recordActivity(db, { actorId: null, action: "signin.failed", subjectType: "user", subjectId: userId, data: { email, ip } }));
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = requestTranslator(request, null);
  const form = await readForm(request);
  const f = fields(t);
  const parsed = parseForm(form, z.object({ email: f.email, password: z.string().min(1, t("form.required", { field: t("field.password").toLowerCase() })).max(1024) }));
  if (!parsed.ok) return invalid(parsed.failure);
  const { email, password } = parsed.data;

  // Only failed attempts count, so nobody is limited by signing in often.
  const limits: Parameters<typeof hitRateLimits>[0] = [
    [`signin:account:${email}`, RATE_LIMITS.signInPerAccount],
    [`signin:ip:${context.clientIp}`, RATE_LIMITS.signInPerIp],
  ];
  const limit = await checkRateLimits(limits);
  if (!limit.allowed) return formError(form, t("auth.signIn.rateLimited", { minutes: Math.ceil(limit.retryAfterSeconds / 60) }), 429);

  const user = await withAccount(null, (db) =>
    db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, emailVerifiedAt: true } }),
  );
  if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
    await hitRateLimits(limits);
    if (user) await recordAdminFailure(user.id, email, context.clientIp);
    return formError(form, t("auth.signIn.invalid"), 401);
  }
  if (!user.emailVerifiedAt) {
    await withAccount(user.id, (db) => recordEvent(db, { type: "account.verification_requested", tenantId: null, payload: { userId: user.id } }));
    return formError(form, t("auth.signIn.unverified"), 403);
  }
  // Always a new token at sign-in: never adopt one the browser brought.
  const { token, expiresAt } = await createSession(user.id);
  const to = safeRedirect(form.get("redirectTo"));
  throw redirect(to, { headers: { "Set-Cookie": serializeSessionCookie(token, expiresAt, context.secureCookies) } });
}

export default function SignIn() {
  const t = useT();
  const failure = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  return (
    <main id="main" className="narrow">
      <h1>{t("auth.signIn.title")}</h1>
      {params.get("verified") ? <Notice tone="success">{t("auth.verify.done")}</Notice> : null}
      {params.get("reset") ? <Notice tone="success">{t("auth.reset.done")}</Notice> : null}
      <ErrorSummary title={t("form.errorSummaryTitle")} errors={failure?.errors} formError={failure?.formError} />
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField name="email" type="email" label={t("field.email")} autoComplete="email" defaultValue={failure?.values.email} error={failure?.errors.email} />
        <TextField name="password" type="password" label={t("field.password")} autoComplete="current-password" error={failure?.errors.password} />
        <Button disabled={busy}>{t("auth.signIn.submit")}</Button>
      </Form>
      <p>
        <Link to="/forgot-password">{t("auth.signIn.forgot")}</Link>
      </p>
      <p>
        {t("auth.signIn.noAccount")} <Link to="/register">{t("nav.register")}</Link>
      </p>
    </main>
  );
}
