import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { hitRateLimits, INVITATION_LIFETIME_MS, RATE_LIMITS, ROLES } from "@commons/auth";
import { formatDate, type MessageKey } from "@commons/i18n";
import { recordEvent } from "@commons/jobs";
import { Button, ErrorSummary, Notice, Pagination, SelectField, Table, TextField } from "@commons/ui";
import type { Db } from "@commons/db";
import { recordActivity } from "../../lib/activity.server.ts";
import { fieldError, formError, invalid, parseForm, readForm } from "../../lib/forms.server.ts";
import { useLocale, useT, usePaginationLabels } from "../../lib/i18n.ts";
import { notFound, requestTranslator } from "../../lib/session.server.ts";
import { pageParam, PAGE_SIZE, withMember } from "../../lib/tenant.server.ts";
import { fields } from "../../lib/validation.ts";

export const meta: MetaFunction = () => [{ title: "Invitations · Commons" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = pageParam(request);
  return withMember(request, context, params, "member:invite", async ({ db, tenant, permissions, nav }) => {
    const [invitations, total] = await Promise.all([
      db.invitation.findMany({
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: (page - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
        select: { id: true, email: true, role: true, createdAt: true, expiresAt: true, acceptedAt: true, revokedAt: true, organisation: { select: { name: true } } },
      }),
      db.invitation.count(),
    ]);
    const organisations = await organisationChoices(db);
    const now = Date.now();
    return {
      member: nav,
      slug: tenant.slug,
      page,
      pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
      // Only admins may hand out the admin role.
      roles: ROLES.filter((r) => r !== "SECRETARIAT_ADMIN" || permissions.has("role:change")),
      organisations,
      invitations: invitations.map((i) => ({
        id: i.id,
        email: i.email,
        role: i.role,
        organisation: i.organisation?.name ?? "",
        createdAt: i.createdAt.toISOString(),
        status: i.acceptedAt ? "accepted" : i.revokedAt ? "revoked" : i.expiresAt.getTime() < now ? "expired" : "pending",
      })),
    };
  });
}

/** The coalition's organisations, by name, for the invitation form. */
function organisationChoices(db: Db) {
  return db.organisation.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], take: 2000, select: { id: true, name: true } });
}

/**
 * A focal point speaks for an organisation, so their invitation names one. Members usually
 * belong to one too, but a coalition may also admit individuals (experts, journalists).
 */
const NEEDS_ORGANISATION: readonly string[] = ["FOCAL_POINT"];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "invite");
  return withMember(request, context, params, "member:invite", async ({ db, tenant, session, permissions }) => {
    const t = requestTranslator(request, session);
    if (intent === "revoke" || intent === "resend") {
      const id = z.uuid().safeParse(form.get("invitationId"));
      const invitation = id.success ? await db.invitation.findFirst({ where: { id: id.data }, select: { id: true, email: true } }) : null;
      // Another coalition's invitation, or none: not there.
      if (!invitation) throw notFound();
      if (intent === "resend") {
        const limit = await hitRateLimits([[`invite:${session.user.id}`, RATE_LIMITS.invitePerPerson]]);
        if (!limit.allowed) return formError(form, t("auth.signIn.rateLimited", { minutes: Math.ceil(limit.retryAfterSeconds / 60) }), 429);
      }
      const open = { id: invitation.id, acceptedAt: null, revokedAt: null };
      // Either way the old link stops working at once: its token is forgotten. A resend gives
      // the invitation a new lifetime and the worker a new email to send, with a new token.
      const changed =
        intent === "revoke"
          ? await db.invitation.updateMany({ where: open, data: { revokedAt: new Date(), tokenHash: null } })
          : await db.invitation.updateMany({ where: open, data: { tokenHash: null, expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS) } });
      if (changed.count !== 1) return formError(form, t("invite.list.notOpen"), 409);
      await recordActivity(db, { actorId: session.user.id, action: `member.invitation_${intent === "revoke" ? "revoked" : "resent"}`, subjectType: "invitation", subjectId: invitation.id, data: { email: invitation.email } });
      if (intent === "resend") await recordEvent(db, { type: "invitation.created", tenantId: tenant.id, payload: { invitationId: invitation.id } });
      return { ok: true as const, intent, email: invitation.email };
    }
    if (intent !== "invite") return formError(form, t("invite.form.unknownAction"));

    const allowedRoles = ROLES.filter((r) => r !== "SECRETARIAT_ADMIN" || permissions.has("role:change"));
    const parsed = parseForm(
      form,
      z
        .object({
          email: fields(t).email,
          role: z.enum(allowedRoles as [string, ...string[]], t("form.required", { field: t("field.role").toLowerCase() })),
          organisationId: z.union([z.literal(""), z.uuid(t("invite.form.organisationRequired"))]).optional(),
        })
        .refine((v) => !NEEDS_ORGANISATION.includes(v.role) || !!v.organisationId, { path: ["organisationId"], message: t("invite.form.organisationRequired") }),
    );
    if (!parsed.ok) return invalid(parsed.failure);
    const limit = await hitRateLimits([[`invite:${session.user.id}`, RATE_LIMITS.invitePerPerson]]);
    if (!limit.allowed) return formError(form, t("auth.signIn.rateLimited", { minutes: Math.ceil(limit.retryAfterSeconds / 60) }), 429);
    const { email, role } = parsed.data as { email: string; role: (typeof ROLES)[number] };
    const organisation = parsed.data.organisationId ? await db.organisation.findFirst({ where: { id: parsed.data.organisationId }, select: { id: true, name: true } }) : null;
    // An organisation of another coalition is not there.
    if (parsed.data.organisationId && !organisation) throw notFound();
    const existingMember = await db.$queryRaw<unknown[]>`
      SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = ${tenant.id}::uuid AND u.email = ${email}`;
    if (existingMember.length) return fieldError(form, "email", t("invite.form.alreadyMember"));
    const pending = await db.invitation.findFirst({ where: { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, select: { id: true } });
    if (pending) return fieldError(form, "email", t("invite.form.alreadyInvited"));
    const invitation = await db.invitation.create({
      data: { tenantId: tenant.id, email, role, organisationId: organisation?.id ?? null, invitedById: session.user.id, expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS) },
      select: { id: true },
    });
    await recordActivity(db, { actorId: session.user.id, action: "member.invited", subjectType: "invitation", subjectId: invitation.id, data: { email, role, organisation: organisation?.name ?? "" } });
    await recordEvent(db, { type: "invitation.created", tenantId: tenant.id, payload: { invitationId: invitation.id } });
    return { ok: true as const, intent, email };
  });
}

export default function Invitations() {
  const t = useT();
  const locale = useLocale();
  const { slug, invitations, roles, organisations, page, pages } = useLoaderData<typeof loader>();
  const paginationLabels = usePaginationLabels(page, pages);
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  // Which form a failure belongs to: the list's buttons send an invitation id.
  const listFailure = failure?.values.invitationId ? failure : undefined;
  const formFailure = listFailure ? undefined : failure;
  const notice = result?.ok ? t(result.intent === "revoke" ? "invite.list.revoked" : result.intent === "resend" ? "invite.list.resent" : "invite.form.sent", { email: result.email }) : null;
  return (
    <main id="main">
      <h1>{t("invite.list.title")}</h1>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <h2>{t("invite.form.title")}</h2>
      <ErrorSummary title={t("form.errorSummaryTitle")} errors={formFailure?.errors} formError={formFailure?.formError} />
      <Form method="post" noValidate className="narrow" key={result?.ok ? `${result.intent}-${result.email}` : "form"}>
        <input type="hidden" name="intent" value="invite" />
        <TextField name="email" type="email" label={t("field.email")} defaultValue={formFailure?.values.email} error={formFailure?.errors.email} />
        <SelectField name="role" label={t("field.role")} defaultValue={formFailure?.values.role ?? "MEMBER"} error={formFailure?.errors.role} options={roles.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))} />
        <SelectField
          name="organisationId"
          label={t("field.organisation")}
          hint={t("invite.form.organisationHint")}
          defaultValue={formFailure?.values.organisationId ?? ""}
          error={formFailure?.errors.organisationId}
          options={[{ value: "", label: t("invite.form.noOrganisation") }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
        />
        <Button>{t("invite.form.submit")}</Button>
      </Form>
      <h2>{t("invite.list.sentTitle")}</h2>
      <ErrorSummary title={t("form.errorSummaryTitle")} errors={listFailure?.errors} formError={listFailure?.formError} />
      <Table
        caption={t("invite.list.sentTitle")}
        rows={invitations}
        rowKey={(i) => i.id}
        empty={t("invite.list.empty")}
        columns={[
          { header: t("field.email"), cell: (i) => i.email },
          { header: t("field.role"), cell: (i) => t(`role.${i.role}` as MessageKey) },
          { header: t("field.organisation"), cell: (i) => i.organisation },
          { header: t("invite.list.sent"), cell: (i) => formatDate(i.createdAt, locale) },
          { header: t("invite.list.status"), cell: (i) => t(`invite.status.${i.status}` as MessageKey) },
          {
            header: t("invite.list.actions"),
            cell: (i) =>
              i.status === "pending" || i.status === "expired" ? (
                <>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="resend" />
                    <input type="hidden" name="invitationId" value={i.id} />
                    <Button variant="link">{t("invite.list.resend", { email: i.email })}</Button>
                  </Form>{" "}
                  {i.status === "pending" ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="invitationId" value={i.id} />
                      <Button variant="link">{t("invite.list.revoke", { email: i.email })}</Button>
                    </Form>
                  ) : null}
                </>
              ) : null,
          },
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
