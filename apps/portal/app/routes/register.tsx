import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { hashPassword, hitRateLimits, passwordProblem, RATE_LIMITS } from "@commons/auth";
import { withAccount } from "@commons/db";
import { recordEvent } from "@commons/jobs";
import { Button, ErrorSummary, Notice, TextField } from "@commons/ui";
import { fieldError, formError, invalid, parseForm, readForm } from "../lib/forms.server.ts";
import { useT } from "../lib/i18n.ts";
import { getSession, requestTranslator } from "../lib/session.server.ts";
import { fields, passwordProblemMessage } from "../lib/validation.ts";

export const meta: MetaFunction = () => [{ title: "Create an account · Commons" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getSession(request, context)) throw redirect("/");
  return null;
}

function registerSchema(t: ReturnType<typeof requestTranslator>) {
  const f = fields(t);
  return z.object({ name: f.text(t("field.name"), 100), email: f.email, password: f.password() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = requestTranslator(request, null);
  const form = await readForm(request);
  const parsed = parseForm(form, registerSchema(t));
  if (!parsed.ok) return invalid(parsed.failure);
  const { name, email, password } = parsed.data;
  const problem = passwordProblem(password);
  if (problem) return fieldError(form, "password", passwordProblemMessage(t, problem));

  const limit = await hitRateLimits([[`register:ip:${context.clientIp}`, RATE_LIMITS.registerPerIp]]);
  if (!limit.allowed) return formError(form, t("auth.signIn.rateLimited", { minutes: Math.ceil(limit.retryAfterSeconds / 60) }), 429);

  const passwordHash = await hashPassword(password);
  const created = await withAccount(null, async (db) => {
    const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
    if (existing) return false;
    const user = await db.user.create({ data: { email, name, passwordHash }, select: { id: true } });
    await recordEvent(db, { type: "account.verification_requested", tenantId: null, payload: { userId: user.id } });
    return true;
  }).catch((error: { code?: string }) => {
    // Two submissions at once: the unique email index lets one through.
    if (error.code === "P2002") return false;
    throw error;
  });
  if (!created) return fieldError(form, "email", t("auth.register.emailTaken"));
  return { ok: true as const, email };
}

export default function Register() {
  const t = useT();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  if (result?.ok) {
    return (
      <main id="main" className="narrow">
        <h1>{t("auth.register.done.title")}</h1>
        <Notice tone="success">{t("auth.register.done.body", { email: result.email })}</Notice>
        <p>
          <Link to="/sign-in">{t("nav.signIn")}</Link>
        </p>
      </main>
    );
  }
  const failure = result && !result.ok ? result : undefined;
  return (
    <main id="main" className="narrow">
      <h1>{t("auth.register.title")}</h1>
      <p className="lede">{t("auth.register.intro")}</p>
      <ErrorSummary title={t("form.errorSummaryTitle")} errors={failure?.errors} formError={failure?.formError} />
      <Form method="post" noValidate>
        <TextField name="name" label={t("field.name")} autoComplete="name" defaultValue={failure?.values.name} error={failure?.errors.name} />
        <TextField name="email" type="email" label={t("field.email")} autoComplete="email" defaultValue={failure?.values.email} error={failure?.errors.email} />
        <TextField name="password" type="password" label={t("field.password")} hint={t("field.passwordHint")} autoComplete="new-password" error={failure?.errors.password} />
        <Button disabled={busy}>{t("auth.register.submit")}</Button>
      </Form>
    </main>
  );
}
