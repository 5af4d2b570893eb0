import { redirect, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import type { Role } from "@commons/plugin-sdk";
import { done, formError, invalid } from "@commons/plugin-sdk/forms/server";
import { readForm, validateForm } from "@commons/plugin-sdk/forms";
import { formatDate } from "@commons/i18n";
import { Button, CheckboxField, Notice, TextField } from "@commons/ui";
import { PERMISSIONS, type OrganisationStatus } from "../../src/constants.ts";
import { membersT, useLocale, useMembersT, type MembersT } from "../../src/i18n.ts";
import { guard, isLastAdmin, lockAdmins, recordActivity, type RouteArgs } from "../../src/people/access.server.ts";
import { Feedback, failureOf, type ActionResult } from "../../src/people/components.tsx";
import { roleLabel, statusLabel } from "../../src/people/labels.ts";

export const meta: MetaFunction = () => [{ title: `${membersT()("members.people.me.title")} · Commons` }];

function profileSchema(t: MembersT) {
  const tooLong = (field: string, max: number) => t("members.people.form.tooLong", { field: field.toLowerCase(), max });
  return z.object({
    name: z
      .string(t("members.people.form.nameRequired"))
      .trim()
      .min(1, t("members.people.form.nameRequired"))
      .max(100, tooLong(t("members.people.field.name"), 100)),
    title: z.string().trim().max(200, tooLong(t("members.people.field.title"), 200)).catch(""),
    phone: z
      .string()
      .trim()
      .max(40, tooLong(t("members.people.field.phone"), 40))
      .regex(/^(\+?[0-9 ()./-]{4,40})?$/, t("members.people.form.phone"))
      .optional()
      .transform((v) => v ?? ""),
  });
}

export async function loader(args: RouteArgs) {
  return guard(args, null, async ({ db, tenant, person, nav, can }) => {
    const [membership, user] = await Promise.all([
      db.membership.findFirst({
        where: { userId: person.id },
        select: { role: true, title: true, emailUpdates: true, createdAt: true, organisation: { select: { id: true, name: true, status: true } } },
      }),
      db.user.findUnique({ where: { id: person.id }, select: { name: true, email: true, phone: true } }),
    ]);
    // guard() found the membership in this same transaction.
    const m = membership!;
    const organisation = m.organisation ? { id: m.organisation.id, name: m.organisation.name, status: m.organisation.status as OrganisationStatus } : null;
    return {
      slug: tenant.slug,
      coalition: tenant.name,
      profile: { name: user?.name ?? person.name, email: user?.email ?? person.email, phone: user?.phone ?? "", title: m.title },
      role: m.role as Role,
      since: m.createdAt.toISOString(),
      emailUpdates: m.emailUpdates,
      organisation,
      canInvite: !!organisation && can(PERMISSIONS.ownOrganisation),
      member: nav,
    };
  });
}

export async function action(args: RouteArgs) {
  const form = await readForm(args.request);
  const intent = String(form.get("intent") ?? "");
  return guard(args, null, async (ctx) => {
    const { db, tenant, person } = ctx;
    const t = membersT(person.locale);
    const membership = await db.membership.findFirst({ where: { userId: person.id }, select: { id: true, title: true, emailUpdates: true, role: true } });
    if (!membership) return formError(form, t("members.people.form.unknownAction"));
    const subject = { type: "membership", id: person.id };

    switch (intent) {
      case "profile": {
        const parsed = validateForm(form, profileSchema(t));
        if (!parsed.ok) return invalid(form, parsed.errors);
        const { name, title, phone } = parsed.data;
        await db.user.update({ where: { id: person.id }, data: { name, phone } });
        await db.membership.update({ where: { id: membership.id }, data: { title } });
        await recordActivity(ctx, "members.profile_changed", subject, { userId: person.id, name });
        return done(form, t("members.people.me.profileSaved"));
      }
      case "preferences": {
        const emailUpdates = form.get("emailUpdates") === "on";
        if (emailUpdates !== membership.emailUpdates) {
          await db.membership.update({ where: { id: membership.id }, data: { emailUpdates } });
          await recordActivity(ctx, "members.email_preferences_changed", subject, { userId: person.id, name: person.name, emailUpdates });
        }
        return done(form, t(emailUpdates ? "members.people.me.updatesOn" : "members.people.me.updatesOff"));
      }
      case "leave": {
        if (form.get("confirm") !== "yes") return formError(form, t("members.people.form.confirmRequired"));
        const admins = await lockAdmins(db, tenant.id);
        if (isLastAdmin(admins, person.id)) return formError(form, t("members.people.me.lastAdmin"), 409);
        await db.membership.delete({ where: { id: membership.id } });
        await recordActivity(ctx, "members.person_left", subject, { userId: person.id, name: person.name, email: person.email, role: membership.role });
        // Returned, not thrown: a thrown response would roll this transaction back.
        return redirect("/");
      }
      default:
        return formError(form, t("members.people.form.unknownAction"));
    }
  });
}

export default function Me() {
  const t = useMembersT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const [search] = useSearchParams();
  const { slug, profile, organisation } = data;
  const here = `/c/${slug}/members/me`;
  const profileFailure = failureOf(result, "profile");
  const confirmingLeave = search.get("leave") === "1" || !!failureOf(result, "leave");
  return (
    <main id="main">
      <h1>{t("members.people.me.title")}</h1>
      <p className="lede">{t("members.people.me.lede", { coalition: data.coalition })}</p>
      <dl className="summary">
        <dt>{t("members.people.field.role")}</dt>
        <dd>{roleLabel(t, data.role)}</dd>
        <dt>{t("members.people.field.organisation")}</dt>
        <dd>{organisation ? `${organisation.name} (${statusLabel(t, organisation.status)})` : t("members.people.noOrganisation")}</dd>
        <dt>{t("members.people.me.since")}</dt>
        <dd>{formatDate(data.since, locale)}</dd>
      </dl>
      {organisation && data.canInvite ? (
        <p>
          <Link to={`/c/${slug}/members/organisations/${organisation.id}/invite`}>{t("members.people.me.inviteColleagues", { organisation: organisation.name })}</Link>
        </p>
      ) : null}

      <h2>{t("members.people.me.profileTitle")}</h2>
      <Feedback result={result} intent="profile" />
      <Form method="post" noValidate className="narrow">
        <input type="hidden" name="intent" value="profile" />
        <TextField name="name" label={t("members.people.field.name")} autoComplete="name" defaultValue={profileFailure?.values.name ?? profile.name} error={profileFailure?.errors.name} maxLength={100} />
        <TextField name="title" label={t("members.people.field.title")} hint={t("members.people.me.titleHint", { coalition: data.coalition })} autoComplete="organization-title" defaultValue={profileFailure?.values.title ?? profile.title} error={profileFailure?.errors.title} maxLength={200} />
        <TextField name="phone" type="tel" label={t("members.people.field.phone")} hint={t("members.people.me.phoneHint")} autoComplete="tel" defaultValue={profileFailure?.values.phone ?? profile.phone} error={profileFailure?.errors.phone} maxLength={40} />
        <p className="muted">{t("members.people.me.emailNote", { email: profile.email })}</p>
        <Button>{t("members.people.me.saveProfile")}</Button>
      </Form>

      <h2>{t("members.people.me.preferencesTitle")}</h2>
      <Feedback result={result} intent="preferences" />
      <Form method="post" className="narrow" key={`preferences-${data.emailUpdates}`}>
        <input type="hidden" name="intent" value="preferences" />
        <CheckboxField name="emailUpdates" label={t("members.people.me.emailUpdates", { coalition: data.coalition })} hint={t("members.people.me.emailUpdatesHint")} defaultChecked={data.emailUpdates} />
        <Button>{t("members.people.me.savePreferences")}</Button>
      </Form>

      <h2>{t("members.people.me.dataTitle")}</h2>
      <p>{t("members.people.me.dataLede")}</p>
      <p>
        <a href={`${here}/data.json`} download>
          {t("members.people.me.download")}
        </a>
      </p>

      <h2>{t("members.people.me.leaveTitle")}</h2>
      <Feedback result={result} intent="leave" />
      {confirmingLeave ? (
        <>
          <Notice tone="warning">{t("members.people.me.leaveConfirm", { coalition: data.coalition })}</Notice>
          <Form method="post">
            <input type="hidden" name="intent" value="leave" />
            <input type="hidden" name="confirm" value="yes" />
            <Button>{t("members.people.me.leaveYes", { coalition: data.coalition })}</Button> <Link to={here}>{t("members.people.cancel")}</Link>
          </Form>
        </>
      ) : (
        <>
          <p>{t("members.people.me.leaveLede")}</p>
          <p>
            <Link to={`${here}?leave=1`}>{t("members.people.me.leave", { coalition: data.coalition })}</Link>
          </p>
        </>
      )}
    </main>
  );
}
