import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { hashPassword, invalidateUserSessions, passwordProblem, verifyPassword } from "@commons/auth";
import { withAccount } from "@commons/db";
import { Button, ErrorSummary, Notice, TextField } from "@commons/ui";
import { fieldError, invalid, parseForm, readForm } from "../lib/forms.server.ts";
import { useT } from "../lib/i18n.ts";
import { requestTranslator, requireUser } from "../lib/session.server.ts";
import { fields, passwordProblemMessage } from "../lib/validation.ts";

export const meta: MetaFunction = () => [{ title: "Your account · Commons" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await requireUser(request, context);
  return { name: session.user.name, email: session.user.email };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireUser(request, context);
  const t = requestTranslator(request, session);
  const form = await readForm(request);
  const f = fields(t);
  const parsed = parseForm(form, z.object({ currentPassword: f.password(t("field.currentPassword")), password: f.password(t("field.newPassword")) }));
  if (!parsed.ok) return invalid(parsed.failure);
  const userId = session.user.id;
  const current = await withAccount(userId, (db) => db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } }));
  if (!(await verifyPassword(current?.passwordHash, parsed.data.currentPassword))) return fieldError(form, "currentPassword", t("auth.account.wrongPassword"));
  const problem = passwordProblem(parsed.data.password);
  if (problem) return fieldError(form, "password", passwordProblemMessage(t, problem));
  const passwordHash = await hashPassword(parsed.data.password);
  await withAccount(userId, async (db) => {
    await db.user.update({ where: { id: userId }, data: { passwordHash } });
    await invalidateUserSessions(userId, session.sessionId, db);
  });
  return { ok: true as const };
}

export default function Account() {
  const t = useT();
  const { name, email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <main id="main" className="narrow">
      <h1>{t("auth.account.title")}</h1>
      <dl className="summary">
        <dt>{t("field.name")}</dt>
        <dd>{name}</dd>
        <dt>{t("field.email")}</dt>
        <dd>{email}</dd>
      </dl>
      <h2>{t("auth.account.changePassword")}</h2>
      {result?.ok ? <Notice tone="success">{t("auth.account.passwordChanged")}</Notice> : null}
      <ErrorSummary title={t("form.errorSummaryTitle")} errors={failure?.errors} />
      <Form method="post" noValidate>
        <TextField name="currentPassword" type="password" label={t("field.currentPassword")} autoComplete="current-password" error={failure?.errors.currentPassword} />
        <TextField name="password" type="password" label={t("field.newPassword")} hint={t("field.passwordHint")} autoComplete="new-password" error={failure?.errors.password} />
        <Button>{t("auth.account.changePassword")}</Button>
      </Form>
    </main>
  );
}
