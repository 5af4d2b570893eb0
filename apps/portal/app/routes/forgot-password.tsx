import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { hitRateLimits, RATE_LIMITS } from "@commons/auth";
import { withAccount } from "@commons/db";
import { recordEvent } from "@commons/jobs";
import { Button, ErrorSummary, Notice, TextField } from "@commons/ui";
import { formError, invalid, parseForm, readForm } from "../lib/forms.server.ts";
import { useT } from "../lib/i18n.ts";
import { requestTranslator } from "../lib/session.server.ts";
import { fields } from "../lib/validation.ts";

export const meta: MetaFunction = () => [{ title: "Reset your password · Commons" }];

export async function action({ request, context }: ActionFunctionArgs) {
  const t = requestTranslator(request, null);
  const form = await readForm(request);
  const parsed = parseForm(form, z.object({ email: fields(t).email }));
  if (!parsed.ok) return invalid(parsed.failure);
  const { email } = parsed.data;
  const limit = await hitRateLimits([
    [`reset:account:${email}`, RATE_LIMITS.resetPerAccount],
    [`reset:ip:${context.clientIp}`, RATE_LIMITS.resetPerIp],
  ]);
  if (!limit.allowed) return formError(form, t("auth.signIn.rateLimited", { minutes: Math.ceil(limit.retryAfterSeconds / 60) }), 429);
  await withAccount(null, async (db) => {
    const user = await db.user.findUnique({ where: { email }, select: { id: true } });
    if (user) await recordEvent(db, { type: "account.password_reset_requested", tenantId: null, payload: { userId: user.id } });
  });
  // The same answer whether or not an account uses this address.
  return { ok: true as const, email };
}

export default function ForgotPassword() {
  const t = useT();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <main id="main" className="narrow">
      <h1>{t("auth.forgot.title")}</h1>
      {result?.ok ? (
        <Notice tone="success">{t("auth.forgot.sent", { email: result.email })}</Notice>
      ) : (
        <>
          <p>{t("auth.forgot.intro")}</p>
          <ErrorSummary title={t("form.errorSummaryTitle")} errors={failure?.errors} formError={failure?.formError} />
          <Form method="post" noValidate>
            <TextField name="email" type="email" label={t("field.email")} autoComplete="email" defaultValue={failure?.values.email} error={failure?.errors.email} />
            <Button>{t("auth.forgot.submit")}</Button>
          </Form>
        </>
      )}
    </main>
  );
}
