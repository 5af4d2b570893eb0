import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { done, fieldError, formError, invalid } from "@commons/plugin-sdk/forms/server";
import { readForm, validateForm } from "@commons/plugin-sdk/forms";
import { formatDate, formatDateTime } from "@commons/i18n";
import { Button, Notice, Pagination, SelectField, Table, TextAreaField } from "@commons/ui";
import { forgetFacetCounts } from "../../src/directory/facet-cache.server.ts";
import { canTakePart, EVENTS, ORGANISATION_STATUSES, PAGE_SIZE, PERMISSIONS, STATUS_TRANSITIONS, type OrganisationStatus } from "../../src/constants.ts";
import { membersT, paginationLabels, useLocale, useMembersT } from "../../src/i18n.ts";
import { findOrganisation, guard, namesByIds, pageCount, pageParam, recordActivity, requireId, type RouteArgs } from "../../src/people/access.server.ts";
import { Feedback, failureOf, formKey, type ActionResult } from "../../src/people/components.tsx";
import { statusLabel } from "../../src/people/labels.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${membersT()("members.people.status.title", { organisation: data?.organisation.name ?? "" })} · Commons` },
];

const REASON_MAX = 2000;

export async function loader(args: RouteArgs) {
  const organisationId = requireId(args.params.organisationId);
  const page = pageParam(args.request);
  return guard(args, PERMISSIONS.manage, async ({ db, tenant, nav }) => {
    const organisation = await findOrganisation(db, organisationId);
    const [changes, total] = await Promise.all([
      db.membersStatusChange.findMany({
        where: { organisationId },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: (page - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
        select: { id: true, fromStatus: true, toStatus: true, reason: true, changedById: true, createdAt: true },
      }),
      db.membersStatusChange.count({ where: { organisationId } }),
    ]);
    const names = await namesByIds(db, changes.map((c) => c.changedById));
    const status = organisation.status as OrganisationStatus;
    return {
      slug: tenant.slug,
      organisation: { id: organisation.id, name: organisation.name, status, since: organisation.statusChangedAt.toISOString(), canTakePart: canTakePart(status) },
      transitions: [...STATUS_TRANSITIONS[status]],
      history: changes.map((c) => ({
        id: c.id,
        from: (c.fromStatus ?? null) as OrganisationStatus | null,
        to: c.toStatus as OrganisationStatus,
        reason: c.reason,
        by: c.changedById ? (names.get(c.changedById) ?? null) : null,
        at: c.createdAt.toISOString(),
      })),
      page,
      pages: pageCount(total),
      member: nav,
    };
  });
}

export async function action(args: RouteArgs) {
  const organisationId = requireId(args.params.organisationId);
  const form = await readForm(args.request);
  return guard(args, PERMISSIONS.manage, async (ctx) => {
    const { db, tenant, person, emit } = ctx;
    const t = membersT(person.locale);
    const organisation = await findOrganisation(db, organisationId);
    if (form.get("intent") !== "status") return formError(form, t("members.people.form.unknownAction"));
    const from = organisation.status as OrganisationStatus;
    const parsed = validateForm(
      form,
      z.object({
        to: z.enum(ORGANISATION_STATUSES, t("members.people.status.toRequired")),
        reason: z
          .string(t("members.people.status.reasonRequired"))
          .trim()
          .min(1, t("members.people.status.reasonRequired"))
          .max(REASON_MAX, t("members.people.form.tooLong", { field: t("members.people.status.reason").toLowerCase(), max: REASON_MAX })),
      }),
    );
    if (!parsed.ok) return invalid(form, parsed.errors);
    const { to, reason } = parsed.data;
    if (!STATUS_TRANSITIONS[from].includes(to)) {
      return fieldError(form, "to", t("members.people.status.notAllowed", { from: statusLabel(t, from), to: statusLabel(t, to) }));
    }
    // Only if nobody changed it meanwhile: two officers at once make one change, not two.
    const now = new Date();
    const changed = await db.organisation.updateMany({ where: { id: organisationId, status: from }, data: { status: to, statusChangedAt: now } });
    if (changed.count !== 1) return formError(form, t("members.people.status.changedMeanwhile"), 409);
    const change = await db.membersStatusChange.create({
      data: { tenantId: tenant.id, organisationId, fromStatus: from, toStatus: to, reason, changedById: person.id, createdAt: now },
      select: { id: true },
    });
    await recordActivity(ctx, "members.organisation_status_changed", { type: "organisation", id: organisationId }, { organisation: organisation.name, from, to, reason });
    await emit(EVENTS.statusChanged, { organisationId, statusChangeId: change.id, from, to });
    // Suspended and left organisations move in or out of the directory and its counts.
    forgetFacetCounts(ctx.tenant.id);
    return done(form, t("members.people.status.changed", { organisation: organisation.name, status: statusLabel(t, to) }));
  });
}

export default function OrganisationStatusPage() {
  const t = useMembersT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const { slug, organisation, transitions, history, page, pages } = data;
  const failure = failureOf(result, "status");
  const here = `/c/${slug}/members/organisations/${organisation.id}/status`;
  return (
    <main id="main">
      <p>
        <Link to={`/c/${slug}/members/organisations/${organisation.id}`}>{t("members.people.status.back", { organisation: organisation.name })}</Link>
      </p>
      <h1>{t("members.people.status.title", { organisation: organisation.name })}</h1>
      <Feedback result={result} intent="status" />
      <dl className="summary">
        <dt>{t("members.people.status.current")}</dt>
        <dd>
          <strong>{statusLabel(t, organisation.status)}</strong>
        </dd>
        <dt>{t("members.people.status.since")}</dt>
        <dd>{formatDate(organisation.since, locale)}</dd>
      </dl>
      {organisation.canTakePart ? null : <Notice tone="warning">{t("members.people.status.cannotTakePart")}</Notice>}

      <h2>{t("members.people.status.changeTitle")}</h2>
      <Form method="post" noValidate className="narrow" key={formKey(result, "status")}>
        <input type="hidden" name="intent" value="status" />
        <SelectField
          name="to"
          label={t("members.people.status.to")}
          defaultValue={failure?.values.to ?? ""}
          error={failure?.errors.to}
          options={[{ value: "", label: t("members.people.status.choose") }, ...transitions.map((s) => ({ value: s, label: statusLabel(t, s) }))]}
        />
        <TextAreaField
          name="reason"
          label={t("members.people.status.reason")}
          hint={t("members.people.status.reasonHint")}
          defaultValue={failure?.values.reason}
          error={failure?.errors.reason}
          maxLength={REASON_MAX}
          rows={4}
        />
        <Button>{t("members.people.status.submit")}</Button>
      </Form>

      <h2>{t("members.people.status.historyTitle")}</h2>
      <Table
        caption={t("members.people.status.historyTitle")}
        rows={history}
        rowKey={(h) => h.id}
        empty={t("members.people.status.historyEmpty")}
        columns={[
          { header: t("members.people.history.when"), cell: (h) => formatDateTime(h.at, locale) },
          { header: t("members.people.status.change"), cell: (h) => (h.from ? t("members.people.status.fromTo", { from: statusLabel(t, h.from), to: statusLabel(t, h.to) }) : statusLabel(t, h.to)) },
          { header: t("members.people.status.reason"), cell: (h) => <span style={{ whiteSpace: "pre-wrap" }}>{h.reason}</span> },
          { header: t("members.people.history.who"), cell: (h) => h.by ?? t("members.people.someone") },
        ]}
      />
      <Pagination page={page} pages={pages} hrefFor={(p) => `${here}?page=${p}`} labels={paginationLabels(t, page, pages)} />
    </main>
  );
}
