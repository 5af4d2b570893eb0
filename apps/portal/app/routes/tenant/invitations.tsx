import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { hitRateLimits, INVITATION_LIFETIME_MS, RATE_LIMITS, ROLES } from "@commons/auth";
import { formatDate, type MessageKey } from "@commons/i18n";
import { recordEvent } from "@commons/jobs";
import { Button, ErrorSummary, Notice, Pagination, SelectField, Table, TextField } from "@commons/ui";
import { recordActivity } from "../../lib/activity.server.ts";
import { fieldError, formError, invalid, parseForm, readForm } from "../../lib/forms.server.ts";
import { useLocale, useT, usePaginationLabels } from "../../lib/i18n.ts";
import { requestTranslator } from "../../lib/session.server.ts";
import { pageParam, PAGE_SIZE, withMember } from "../../lib/tenant.server.ts";
import { fields } from "../../lib/validation.ts";

export const meta: MetaFunction = () => [{ title: "Invitations · Commons" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = pageParam(request);
  return withMember(request, context, params, "member:invite", async ({ db, tenant, permissions, nav }) => {
    const [invitations, total] = await Promise.all([
      db.invitation.findMany({
        orderBy: { createdAt: "desc" },
        skip: (page - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
        select: { id: true, email: true, role: true, createdAt: true, expiresAt: true, acceptedAt: true, revokedAt: true },
      }),
      db.invitation.count(),
    ]);
    const now = Date.now();
    return {
      member: nav,
      slug: tenant.slug,
      page,
      pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
      // Only admins may hand out the admin role.
      roles: ROLES.filter((r) => r !== "SECRETARIAT_ADMIN" || permissions.has("role:change")),
      invitations: invitations.map((i) => ({
        id: i.id,
        email: i.email,
        role: i.role,
        createdAt: i.createdAt.toISOString(),
        status: i.acceptedAt ? "accepted" : i.revokedAt ? "revoked" : i.expiresAt.getTime() < now ? "expired" : "pending",
      })),
    };
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  return withMember(request, context, params, "member:invite", async ({ db, tenant, session, permissions }) => {
    const t = requestTranslator(request, session);
    const allowedRoles = ROLES.filter((r) => r !== "SECRETARIAT_ADMIN" || permissions.has("role:change"));
    const parsed = parseForm(form, z.object({ email: fields(t).email, role: z.enum(allowedRoles as [string, ...string[]], t("form.required", { field: t("field.role").toLowerCase() })) }));
    if (!parsed.ok) return invalid(parsed.failure);
    const limit = await hitRateLimits([[`invite:${session.user.id}`, RATE_LIMITS.invitePerPerson]]);
    if (!limit.allowed) return formError(form, t("auth.signIn.rateLimited", { minutes: Math.ceil(limit.retryAfterSeconds / 60) }), 429);
    const { email, role } = parsed.data as { email: string; role: (typeof ROLES)[number] };
    const existingMember = await db.$queryRaw<unknown[]>`
      SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = ${tenant.id}::uuid AND u.email = ${email}`;
    if (existingMember.length) return fieldError(form, "email", t("invite.form.alreadyMember"));
    const invitation = await db.invitation.create({
      data: { tenantId: tenant.id, email, role, invitedById: session.user.id, expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS) },
      select: { id: true },
    });
    await recordActivity(db, { actorId: session.user.id, action: "member.invited", subjectType: "invitation", subjectId: invitation.id, data: { email, role } });
    await recordEvent(db, { type: "invitation.created", tenantId: tenant.id, payload: { invitationId: invitation.id } });
    return { ok: true as const, email };
  });
}

export default function Invitations() {
  const t = useT();
  const locale = useLocale();
  const { slug, invitations, roles, page, pages } = useLoaderData<typeof loader>();
  const paginationLabels = usePaginationLabels(page, pages);
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <main id="main">
      <h1>{t("invite.list.title")}</h1>
      <h2>{t("invite.form.title")}</h2>
      {result?.ok ? <Notice tone="success">{t("invite.form.sent", { email: result.email })}</Notice> : null}
      <ErrorSummary title={t("form.errorSummaryTitle")} errors={failure?.errors} formError={failure?.formError} />
      <Form method="post" noValidate className="narrow" key={result?.ok ? result.email : "form"}>
        <TextField name="email" type="email" label={t("field.email")} defaultValue={failure?.values.email} error={failure?.errors.email} />
        <SelectField name="role" label={t("field.role")} defaultValue={failure?.values.role ?? "MEMBER"} error={failure?.errors.role} options={roles.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))} />
        <Button>{t("invite.form.submit")}</Button>
      </Form>
      <h2>{t("invite.list.sentTitle")}</h2>
      <Table
        caption={t("invite.list.sentTitle")}
        rows={invitations}
        rowKey={(i) => i.id}
        empty={t("invite.list.empty")}
        columns={[
          { header: t("field.email"), cell: (i) => i.email },
          { header: t("field.role"), cell: (i) => t(`role.${i.role}` as MessageKey) },
          { header: t("invite.list.sent"), cell: (i) => formatDate(i.createdAt, locale) },
          { header: t("invite.list.status"), cell: (i) => t(`invite.status.${i.status}` as MessageKey) },
        ]}
      />
      <Pagination
        page={page}
        pages={pages}
        hrefFor={(p) => `/c/${slug}/admin/invitations?page=${p}`}
        labels={paginationLabels}
      />
    </main>
  );
}
