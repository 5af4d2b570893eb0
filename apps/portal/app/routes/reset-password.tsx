import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { consumeAccountToken, hashPassword, invalidateUserSessions, isAccountTokenUsable, passwordProblem } from "@commons/auth";
import { withAccount } from "@commons/db";
import { Button, ErrorSummary, Notice, TextField } from "@commons/ui";
import { fieldError, formError, invalid, parseForm, readForm } from "../lib/forms.server.ts";
import { useT } from "../lib/i18n.ts";
import { requestTranslator } from "../lib/session.server.ts";
import { fields, passwordProblemMessage } from "../lib/validation.ts";

export const meta: MetaFunction = () => [{ title: "Choose a new password · Commons" }];

export async function loader({ params }: LoaderFunctionArgs) {
  return { usable: await isAccountTokenUsable(params.token ?? "", "PASSWORD_RESET") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const t = requestTranslator(request, null);
  const form = await readForm(request);
  const parsed = parseForm(form, z.object({ password: fields(t).password(t("field.newPassword")) }));
  if (!parsed.ok) return invalid(parsed.failure);
  const problem = passwordProblem(parsed.data.password);
  if (problem) return fieldError(form, "password", passwordProblemMessage(t, problem));
  // Hash first: the token is spent only when everything else is ready.
  const passwordHash = await hashPassword(parsed.data.password);
  const userId = await consumeAccountToken(params.token ?? "", "PASSWORD_RESET");
  if (!userId) return formError(form, t("auth.token.invalid"), 410);
  await withAccount(userId, async (db) => {
    await db.user.update({ where: { id: userId }, data: { passwordHash, emailVerifiedAt: new Date() } });
    await invalidateUserSessions(userId, undefined, db);
  });
  throw redirect("/sign-in?reset=1");
}

export default function ResetPassword() {
  const t = useT();
  const { usable } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  if (!usable && !failure) {
    return (
      <main id="main" className="narrow">
        <h1>{t("auth.reset.title")}</h1>
        <Notice tone="warning">{t("auth.token.invalid")}</Notice>
        <p>
          <Link to="/forgot-password">{t("auth.forgot.title")}</Link>
        </p>
      </main>
    );
  }
  return (
    <main id="main" className="narrow">
      <h1>{t("auth.reset.title")}</h1>
      <ErrorSummary title={t("form.errorSummaryTitle")} errors={failure?.errors} formError={failure?.formError} />
      <Form method="post" noValidate>
        <TextField name="password" type="password" label={t("field.newPassword")} hint={t("field.passwordHint")} autoComplete="new-password" error={failure?.errors.password} />
        <Button>{t("auth.reset.submit")}</Button>
      </Form>
    </main>
  );
}
