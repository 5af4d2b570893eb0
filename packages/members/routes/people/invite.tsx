import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { done, fieldError, formError, invalid } from "@commons/plugin-sdk/forms/server";
import { readForm, validateForm } from "@commons/plugin-sdk/forms";
import { notFound } from "@commons/plugin-sdk/server";
import { formatDate } from "@commons/i18n";
import { Button, Pagination, Table, TextField } from "@commons/ui";
import { PAGE_SIZE, PERMISSIONS } from "../../src/constants.ts";
import { membersT, paginationLabels, useLocale, useMembersT } from "../../src/i18n.ts";
import { findOrganisation, guard, pageCount, pageParam, recordActivity, requireId, type Ctx, type RouteArgs } from "../../src/people/access.server.ts";
import { Feedback, failureOf, formKey, type ActionResult } from "../../src/people/components.tsx";
import { createInvitation, hitInviteLimit, invitationState, resendInvitation, revokeInvitation } from "../../src/people/invitations.server.ts";

export const meta: MetaFunction = () => [{ title: `${membersT()("members.people.invite.title")} · Commons` }];

/** A focal point's own organisation, and only theirs: any other id is a page that does not exist. */
async function ownOrganisation(ctx: Ctx, organisationId: string) {
  if (ctx.person.organisationId !== organisationId) throw notFound();
  return findOrganisation(ctx.db, organisationId);
}

export async function loader(args: RouteArgs) {
  const organisationId = requireId(args.params.organisationId);
  const page = pageParam(args.request);
  return guard(args, PERMISSIONS.ownOrganisation, async (ctx) => {
    const organisation = await ownOrganisation(ctx, organisationId);
    const { db, tenant, nav } = ctx;
    const [invitations, total] = await Promise.all([
      db.invitation.findMany({
        where: { organisationId },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: (page - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
        select: { id: true, email: true, createdAt: true, expiresAt: true, acceptedAt: true, revokedAt: true },
      }),
      db.invitation.count({ where: { organisationId } }),
    ]);
    const now = Date.now();
    return {
      slug: tenant.slug,
      organisation: { id: organisation.id, name: organisation.name },
      invitations: invitations.map((i) => ({ id: i.id, email: i.email, sent: i.createdAt.toISOString(), state: invitationState(i, now) })),
      page,
      pages: pageCount(total),
      member: nav,
    };
  });
}

export async function action(args: RouteArgs) {
  const organisationId = requireId(args.params.organisationId);
  const form = await readForm(args.request);
  const intent = String(form.get("intent") ?? "");
  return guard(args, PERMISSIONS.ownOrganisation, async (ctx) => {
    const organisation = await ownOrganisation(ctx, organisationId);
    const { db, tenant, person } = ctx;
    const t = membersT(person.locale);
    if (intent === "invite") {
      const parsed = validateForm(
        form,
        z.object({
          email: z
            .string(t("members.people.form.email"))
            .trim()
            .toLowerCase()
            .pipe(z.email(t("members.people.form.email")).max(254, t("members.people.form.email"))),
        }),
      );
      if (!parsed.ok) return invalid(form, parsed.errors);
      const { email } = parsed.data;
      const limit = await hitInviteLimit(person.id);
      if (!limit.allowed) return formError(form, t("members.people.form.rateLimited", { minutes: Math.ceil(limit.retryAfterSeconds / 60) }), 429);
      if (await db.membership.findFirst({ where: { user: { email } }, select: { id: true } })) return fieldError(form, "email", t("members.people.invite.alreadyMember"));
      const open = await db.invitation.findFirst({ where: { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, select: { id: true } });
      if (open) return fieldError(form, "email", t("members.people.invite.alreadyInvited"));
      // A focal point invites colleagues as members of their own organisation, nothing else.
      const invitation = await createInvitation(db, tenant.id, { email, role: "MEMBER", organisationId: organisation.id, invitedById: person.id });
      await recordActivity(ctx, "member.invited", { type: "invitation", id: invitation.id }, { email, role: "MEMBER", organisation: organisation.name });
      return done(form, t("members.people.invite.sent", { email }));
    }
    if (intent === "revoke" || intent === "resend") {
      const invitationId = requireId(form.get("invitationId"));
      const invitation = await db.invitation.findFirst({ where: { id: invitationId, organisationId }, select: { id: true, email: true } });
      if (!invitation) throw notFound();
      if (intent === "resend") {
        const limit = await hitInviteLimit(person.id);
        if (!limit.allowed) return formError(form, t("members.people.form.rateLimited", { minutes: Math.ceil(limit.retryAfterSeconds / 60) }), 429);
      }
      const ok = intent === "revoke" ? await revokeInvitation(db, { id: invitationId, organisationId }) : await resendInvitation(db, tenant.id, { id: invitationId, organisationId });
      if (!ok) return formError(form, t("members.people.invite.notOpen"), 409);
      await recordActivity(ctx, intent === "revoke" ? "member.invitation_revoked" : "member.invitation_resent", { type: "invitation", id: invitationId }, { email: invitation.email });
      return done(form, t(intent === "revoke" ? "members.people.invite.revoked" : "members.people.invite.resent", { email: invitation.email }));
    }
    return formError(form, t("members.people.form.unknownAction"));
  });
}

export default function InviteColleagues() {
  const t = useMembersT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const { slug, organisation, invitations, page, pages } = data;
  const failure = failureOf(result, "invite");
  const here = `/c/${slug}/members/organisations/${organisation.id}/invite`;
  return (
    <main id="main">
      <p>
        <Link to={`/c/${slug}/members/organisations/${organisation.id}`}>{t("members.people.status.back", { organisation: organisation.name })}</Link>
      </p>
      <h1>{t("members.people.invite.title")}</h1>
      <p className="lede">{t("members.people.invite.lede", { organisation: organisation.name })}</p>
      <Feedback result={result} intent="invite" />
      <Form method="post" noValidate className="narrow" key={formKey(result, "invite")}>
        <input type="hidden" name="intent" value="invite" />
        <TextField name="email" type="email" autoComplete="off" label={t("members.people.field.email")} hint={t("members.people.invite.emailHint")} defaultValue={failure?.values.email} error={failure?.errors.email} />
        <Button>{t("members.people.invite.submit")}</Button>
      </Form>
      <h2>{t("members.people.invite.listTitle")}</h2>
      <Feedback result={result} intent="revoke" />
      <Feedback result={result} intent="resend" />
      <Table
        caption={t("members.people.invite.listTitle")}
        rows={invitations}
        rowKey={(i) => i.id}
        empty={t("members.people.invite.empty")}
        columns={[
          { header: t("members.people.field.email"), cell: (i) => i.email },
          { header: t("members.people.invite.sentOn"), cell: (i) => formatDate(i.sent, locale) },
          { header: t("members.people.invite.state"), cell: (i) => t(`members.people.invite.state.${i.state}`) },
          {
            header: t("members.people.invite.actions"),
            cell: (i) =>
              i.state === "pending" || i.state === "expired" ? (
                <>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="resend" />
                    <input type="hidden" name="invitationId" value={i.id} />
                    <Button variant="link">{t("members.people.invite.resend", { email: i.email })}</Button>
                  </Form>{" "}
                  {i.state === "pending" ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="invitationId" value={i.id} />
                      <Button variant="link">{t("members.people.invite.revoke", { email: i.email })}</Button>
                    </Form>
                  ) : null}
                </>
              ) : null,
          },
        ]}
      />
      <Pagination page={page} pages={pages} hrefFor={(p) => `${here}?page=${p}`} labels={paginationLabels(t, page, pages)} />
    </main>
  );
}
