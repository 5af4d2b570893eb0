import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { createSession, hashPassword, hashToken, passwordProblem, serializeSessionCookie } from "@commons/auth";
import { withAccount, withTenant, type Db } from "@commons/db";
import type { MessageKey } from "@commons/i18n";
import { recordEvent } from "@commons/jobs";
import { Button, ErrorSummary, Notice, TextField } from "@commons/ui";
import { recordActivity } from "../../lib/activity.server.ts";
import { fieldError, formError, invalid, parseForm, readForm } from "../../lib/forms.server.ts";
import { useT } from "../../lib/i18n.ts";
import { getSession, requestTranslator } from "../../lib/session.server.ts";
import { requireTenant, type TenantSummary } from "../../lib/tenant.server.ts";
import { fields, passwordProblemMessage } from "../../lib/validation.ts";

export const meta: MetaFunction = () => [{ title: "Join a coalition · Commons" }];

async function findOpenInvitation(tenant: TenantSummary, token: string) {
  if (!token) return null;
  const invitation = await withTenant(tenant.id, null, (db) =>
    db.invitation.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, email: true, role: true, organisationId: true, expiresAt: true, acceptedAt: true, revokedAt: true } }),
  );
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt < new Date()) return null;
  return invitation;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const tenant = await requireTenant(params);
  const invitation = await findOpenInvitation(tenant, params.token ?? "");
  const session = await getSession(request, context);
  if (!invitation) return { state: "invalid" as const, coalition: tenant.name };
  const base = { coalition: tenant.name, email: invitation.email, role: invitation.role };
  if (session) return { ...base, state: session.user.email === invitation.email ? ("accept" as const) : ("wrongAccount" as const), signedInAs: session.user.email };
  const hasAccount = await withAccount(null, (db) => db.user.findUnique({ where: { email: invitation.email }, select: { id: true } }));
  const signInHref = `/sign-in?redirectTo=${encodeURIComponent(`/c/${tenant.slug}/join/${params.token}`)}`;
  return { ...base, state: hasAccount ? ("signIn" as const) : ("register" as const), signedInAs: null, signInHref };
}

/** One membership per person and coalition; a second accept (double click) changes nothing. */
async function join(db: Db, tenant: TenantSummary, invitation: NonNullable<Awaited<ReturnType<typeof findOpenInvitation>>>, userId: string) {
  const claimed = await db.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
  if (claimed.count !== 1) return;
  const existing = await db.membership.findUnique({ where: { tenantId_userId: { tenantId: tenant.id, userId } } });
  if (existing) return;
  const membership = await db.membership.create({ data: { tenantId: tenant.id, userId, role: invitation.role, organisationId: invitation.organisationId } });
  await recordActivity(db, { actorId: userId, action: "member.joined", subjectType: "membership", subjectId: membership.id, data: { email: invitation.email, role: invitation.role } });
  await recordEvent(db, { type: "person.joined", tenantId: tenant.id, payload: { userId, membershipId: membership.id } });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const tenant = await requireTenant(params);
  const form = await readForm(request);
  const session = await getSession(request, context);
  const t = requestTranslator(request, session);
  const invitation = await findOpenInvitation(tenant, params.token ?? "");
  if (!invitation) return formError(form, t("auth.token.invalid"), 410);
  // A stakeholder is in the coalition only through the forums they were invited to: the
  // forums list (which shows theirs at once) rather than a coalition overview with nothing in it.
  const home = invitation.role === "STAKEHOLDER" ? `/c/${tenant.slug}/forums` : `/c/${tenant.slug}/home`;

  if (session) {
    if (session.user.email !== invitation.email) return formError(form, t("invite.wrongAccount", { email: invitation.email }), 403);
    await withTenant(tenant.id, session.user.id, (db) => join(db, tenant, invitation, session.user.id));
    throw redirect(home);
  }

  // No account yet: the emailed link proves the address, so the account starts verified.
  const f = fields(t);
  const parsed = parseForm(form, z.object({ name: f.text(t("field.name"), 100), password: f.password() }));
  if (!parsed.ok) return invalid(parsed.failure);
  const problem = passwordProblem(parsed.data.password);
  if (problem) return fieldError(form, "password", passwordProblemMessage(t, problem));
  const passwordHash = await hashPassword(parsed.data.password);
  const userId = await withAccount(null, async (db) => {
    const existing = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
    if (existing) return null;
    const user = await db.user.create({ data: { email: invitation.email, name: parsed.data.name, passwordHash, emailVerifiedAt: new Date() }, select: { id: true } });
    return user.id;
  }).catch(() => null);
  if (!userId) return formError(form, t("auth.register.emailTaken"), 409);
  await withTenant(tenant.id, userId, (db) => join(db, tenant, invitation, userId));
  const { token, expiresAt } = await createSession(userId);
  throw redirect(home, { headers: { "Set-Cookie": serializeSessionCookie(token, expiresAt, context.secureCookies) } });
}

export default function Join() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  if (data.state === "invalid") {
    return (
      <main id="main" className="narrow">
        <h1>{t("invite.title", { coalition: data.coalition })}</h1>
        <Notice tone="warning">{t("auth.token.invalid")}</Notice>
      </main>
    );
  }
  const role = t(`role.${data.role}` as MessageKey);
  return (
    <main id="main" className="narrow">
      <h1>{t("invite.title", { coalition: data.coalition })}</h1>
      <p className="lede">{t("invite.body", { coalition: data.coalition, role })}</p>
      <ErrorSummary title={t("form.errorSummaryTitle")} errors={failure?.errors} formError={failure?.formError} />
      {data.state === "accept" ? (
        <Form method="post">
          <p>{t("invite.signedInAs", { email: data.signedInAs ?? "" })}</p>
          <Button>{t("invite.accept")}</Button>
        </Form>
      ) : null}
      {data.state === "wrongAccount" ? <Notice tone="warning">{t("invite.wrongAccount", { email: data.email })}</Notice> : null}
      {data.state === "signIn" ? (
        <p>
          {t("invite.haveAccount", { email: data.email })}{" "}
          <Link to={data.signInHref ?? "/sign-in"}>{t("nav.signIn")}</Link>
        </p>
      ) : null}
      {data.state === "register" ? (
        <>
          <h2>{t("invite.createAccount")}</h2>
          <Form method="post" noValidate>
            <TextField name="email" type="email" label={t("field.email")} value={data.email} readOnly />
            <TextField name="name" label={t("field.name")} autoComplete="name" defaultValue={failure?.values.name} error={failure?.errors.name} />
            <TextField name="password" type="password" label={t("field.password")} hint={t("field.passwordHint")} autoComplete="new-password" error={failure?.errors.password} />
            <Button>{t("invite.accept")}</Button>
          </Form>
        </>
      ) : null}
    </main>
  );
}
