import { redirect, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import type { Role } from "@commons/plugin-sdk";
import { done, fieldError, formError, invalid } from "@commons/plugin-sdk/forms/server";
import { readForm, validateForm } from "@commons/plugin-sdk/forms";
import { notFound } from "@commons/plugin-sdk/server";
import { formatDate, formatDateTime } from "@commons/i18n";
import { Button, Notice, SelectField, Table } from "@commons/ui";
import { PERMISSIONS } from "../../src/constants.ts";
import { membersT, useLocale, useMembersT } from "../../src/i18n.ts";
import { findMember, guard, isLastAdmin, lockAdmins, namesByIds, organisationChoices, recordActivity, requireId, type RouteArgs } from "../../src/people/access.server.ts";
import { describeActivity } from "../../src/people/activity.ts";
import { Feedback, failureOf, type ActionResult } from "../../src/people/components.tsx";
import { roleLabel, ROLES } from "../../src/people/labels.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.person.name ?? membersT()("members.people.list.title")} · Commons` }];

const HISTORY = 20;

export async function loader(args: RouteArgs) {
  const userId = requireId(args.params.userId);
  return guard(args, PERMISSIONS.manage, async ({ db, tenant, nav, can, person: me }) => {
    const member = await findMember(db, userId);
    const [organisations, history] = await Promise.all([
      organisationChoices(db),
      db.activity.findMany({
        where: { subjectType: "membership", subjectId: userId },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: HISTORY,
        select: { id: true, action: true, actorId: true, data: true, createdAt: true },
      }),
    ]);
    const actors = await namesByIds(db, history.map((h) => h.actorId));
    return {
      slug: tenant.slug,
      person: {
        id: member.user.id,
        name: member.user.name,
        email: member.user.email,
        phone: member.user.phone,
        role: member.role as Role,
        title: member.title,
        organisationId: member.organisationId ?? "",
        organisation: member.organisation?.name ?? "",
        joined: member.createdAt.toISOString(),
      },
      isSelf: me.id === member.user.id,
      canChangeRole: can("role:change"),
      organisations,
      history: history.map((h) => ({ id: h.id, action: h.action, actor: h.actorId ? (actors.get(h.actorId) ?? null) : null, data: h.data as Record<string, string>, at: h.createdAt.toISOString() })),
      member: nav,
    };
  });
}

export async function action(args: RouteArgs) {
  const userId = requireId(args.params.userId);
  const form = await readForm(args.request);
  const intent = String(form.get("intent") ?? "");
  return guard(args, PERMISSIONS.manage, async (ctx) => {
    const { db, tenant, person: me, can } = ctx;
    const t = membersT(me.locale);
    const member = await findMember(db, userId);
    const subject = { type: "membership", id: userId };
    const who = { userId, name: member.user.name, email: member.user.email };

    switch (intent) {
      case "role": {
        // Roles are the core's "role:change" (secretariat admins); anyone else: as if the form did not exist.
        if (!can("role:change")) throw notFound();
        const parsed = validateForm(form, z.object({ role: z.enum(ROLES, t("members.people.form.roleRequired")) }));
        if (!parsed.ok) return invalid(form, parsed.errors);
        const to = parsed.data.role;
        // Lock first, then read the role again: a concurrent change has committed by then.
        const admins = await lockAdmins(db, tenant.id);
        const current = await findMember(db, userId);
        const from = current.role as Role;
        if (from === to) return done(form, t("members.people.person.roleUnchanged", { role: roleLabel(t, to) }));
        if (from === "SECRETARIAT_ADMIN" && isLastAdmin(admins, userId)) return fieldError(form, "role", t("members.people.form.lastAdmin"), 409);
        await db.membership.update({ where: { id: current.id }, data: { role: to } });
        await recordActivity(ctx, "members.role_changed", subject, { ...who, from, to });
        return done(form, t("members.people.person.roleChanged", { name: member.user.name, role: roleLabel(t, to) }));
      }
      case "organisation": {
        const parsed = validateForm(form, z.object({ organisationId: z.union([z.literal(""), z.uuid(t("members.people.form.organisationUnknown"))]) }));
        if (!parsed.ok) return invalid(form, parsed.errors);
        const organisationId = parsed.data.organisationId || null;
        const organisation = organisationId ? await db.organisation.findFirst({ where: { id: organisationId }, select: { id: true, name: true } }) : null;
        // Another coalition's organisation (or one that does not exist) is not there.
        if (organisationId && !organisation) throw notFound();
        if (organisationId === member.organisationId) return done(form, t("members.people.person.organisationUnchanged"));
        await db.membership.update({ where: { id: member.id }, data: { organisationId } });
        await recordActivity(ctx, "members.organisation_changed", subject, {
          ...who,
          from: member.organisation?.name ?? "",
          to: organisation?.name ?? "",
        });
        return done(form, t("members.people.person.organisationChanged", { name: member.user.name }));
      }
      case "remove": {
        if (form.get("confirm") !== "yes") return formError(form, t("members.people.form.confirmRequired"));
        if (userId === me.id) return formError(form, t("members.people.form.removeSelf"));
        if (member.role === "SECRETARIAT_ADMIN" && !can("role:change")) throw notFound();
        const admins = await lockAdmins(db, tenant.id);
        if (isLastAdmin(admins, userId)) return formError(form, t("members.people.form.lastAdmin"), 409);
        const removed = await db.membership.deleteMany({ where: { id: member.id } });
        if (removed.count !== 1) throw notFound();
        await recordActivity(ctx, "members.person_removed", subject, { ...who, role: member.role, organisation: member.organisation?.name ?? "" });
        // Returned, not thrown: a thrown response would roll this transaction back.
        return redirect(`/c/${tenant.slug}/members/people?removed=${encodeURIComponent(member.user.name)}`);
      }
      default:
        return formError(form, t("members.people.form.unknownAction"));
    }
  });
}

export default function Person() {
  const t = useMembersT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const [search] = useSearchParams();
  const { slug, person, organisations, canChangeRole } = data;
  const here = `/c/${slug}/members/people/${person.id}`;
  const roleFailure = failureOf(result, "role");
  const organisationFailure = failureOf(result, "organisation");
  const confirming = search.get("remove") === "1" || !!failureOf(result, "remove");
  return (
    <main id="main">
      <p>
        <Link to={`/c/${slug}/members/people`}>{t("members.people.person.back")}</Link>
      </p>
      <h1>{person.name}</h1>
      <dl className="summary">
        <dt>{t("members.people.field.email")}</dt>
        <dd>{person.email}</dd>
        <dt>{t("members.people.field.phone")}</dt>
        <dd>{person.phone || t("members.people.notGiven")}</dd>
        <dt>{t("members.people.field.organisation")}</dt>
        <dd>{person.organisation || t("members.people.noOrganisation")}</dd>
        <dt>{t("members.people.field.role")}</dt>
        <dd>{roleLabel(t, person.role)}</dd>
        <dt>{t("members.people.field.title")}</dt>
        <dd>{person.title || t("members.people.notGiven")}</dd>
        <dt>{t("members.people.person.joined")}</dt>
        <dd>{formatDate(person.joined, locale)}</dd>
      </dl>

      <h2>{t("members.people.person.roleTitle")}</h2>
      {canChangeRole ? (
        <>
          <Feedback result={result} intent="role" />
          <Form method="post" noValidate className="narrow">
            <input type="hidden" name="intent" value="role" />
            <SelectField
              name="role"
              label={t("members.people.field.role")}
              hint={t("members.people.person.roleHint")}
              defaultValue={roleFailure?.values.role ?? person.role}
              error={roleFailure?.errors.role}
              options={ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))}
            />
            <Button>{t("members.people.person.changeRole")}</Button>
          </Form>
        </>
      ) : (
        <p className="muted">{t("members.people.person.roleAdminsOnly")}</p>
      )}

      <h2>{t("members.people.person.organisationTitle")}</h2>
      <Feedback result={result} intent="organisation" />
      <Form method="post" noValidate className="narrow">
        <input type="hidden" name="intent" value="organisation" />
        <SelectField
          name="organisationId"
          label={t("members.people.field.organisation")}
          defaultValue={organisationFailure?.values.organisationId ?? person.organisationId}
          error={organisationFailure?.errors.organisationId}
          options={[{ value: "", label: t("members.people.noOrganisation") }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
        />
        <Button>{t("members.people.person.changeOrganisation")}</Button>
      </Form>

      <h2>{t("members.people.person.removeTitle")}</h2>
      {data.isSelf ? (
        <p className="muted">{t("members.people.person.removeSelfHint")}</p>
      ) : confirming ? (
        <>
          <Feedback result={result} intent="remove" />
          <Notice tone="warning">{t("members.people.person.removeConfirm", { name: person.name })}</Notice>
          <Form method="post">
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="confirm" value="yes" />
            <Button>{t("members.people.person.removeYes", { name: person.name })}</Button> <Link to={here}>{t("members.people.cancel")}</Link>
          </Form>
        </>
      ) : (
        <p>
          <Link to={`${here}?remove=1`}>{t("members.people.person.remove", { name: person.name })}</Link>
        </p>
      )}

      <h2>{t("members.people.person.historyTitle")}</h2>
      <Table
        caption={t("members.people.person.historyTitle")}
        rows={data.history}
        rowKey={(h) => h.id}
        empty={t("members.people.person.historyEmpty")}
        columns={[
          { header: t("members.people.history.when"), cell: (h) => formatDateTime(h.at, locale) },
          { header: t("members.people.history.who"), cell: (h) => h.actor ?? t("members.people.someone") },
          { header: t("members.people.history.what"), cell: (h) => describeActivity(t, h.action, h.data) },
        ]}
      />
    </main>
  );
}
