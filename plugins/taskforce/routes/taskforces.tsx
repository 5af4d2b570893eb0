import type { MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, Pagination, Table, TextAreaField, TextField } from "@commons/ui";
import { PERMISSIONS } from "../src/constants.ts";
import {
  coalitionMemberByEmail, day, email, guard, isUniqueViolation, pageParam, pages, PAGE_SIZE, peopleByIds, personName, requiredText, type RouteArgs,
} from "../src/access.server.ts";
import { failureOf, Feedback, formatDay, type ActionResult } from "../src/components.tsx";
import { done, fieldError, formError, parseForm, invalid, readForm } from "../src/forms.server.ts";
import { paginationLabels, t } from "../src/i18n.ts";

export const meta: MetaFunction = () => [{ title: `${t("taskforce.list.title")} · Commons` }];

export async function loader(args: RouteArgs) {
  const page = pageParam(args.request);
  return guard(args, PERMISSIONS.view, async ({ db, tenant, can, settings, person, nav }) => {
    const [taskforces, total, published, subscription] = await Promise.all([
      db.taskforce.findMany({
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: (page - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
        select: { id: true, name: true, leadUserId: true, status: true, createdAt: true, _count: { select: { members: true } } },
      }),
      db.taskforce.count(),
      settings.publishToAllMembers
        ? db.taskforceDeliverable.findMany({
            where: { publishedAt: { not: null } },
            orderBy: { publishedAt: "desc" },
            take: 10,
            select: { id: true, title: true, publishedAt: true, taskforce: { select: { name: true } } },
          })
        : Promise.resolve([]),
      db.taskforcePublicationSubscriber.findFirst({ where: { userId: person.id }, select: { id: true } }),
    ]);
    const people = await peopleByIds(db, taskforces.map((tf) => tf.leadUserId));
    return {
      slug: tenant.slug,
      page,
      pages: pages(total),
      canCreate: can(PERMISSIONS.manage),
      showPublished: settings.publishToAllMembers,
      subscribed: !!subscription,
      taskforces: taskforces.map((tf) => ({
        id: tf.id,
        name: tf.name,
        lead: personName(people, tf.leadUserId),
        members: tf._count.members,
        status: tf.status,
        createdAt: day(tf.createdAt),
      })),
      published: published.map((d) => ({ id: d.id, title: d.title, taskforce: d.taskforce.name, publishedAt: day(d.publishedAt) })),
      // The coalition bar, built in this transaction.
      member: nav,
    };
  });
}

export async function action(args: RouteArgs) {
  const form = await readForm(args.request);
  const intent = form.get("intent");
  if (intent === "subscribe" || intent === "unsubscribe") {
    // Anyone who may read the taskforces may ask to be emailed their outputs, or stop.
    return guard(args, PERMISSIONS.view, async ({ db, tenant, person }) => {
      if (intent === "subscribe") {
        await db.taskforcePublicationSubscriber.upsert({
          where: { tenantId_userId: { tenantId: tenant.id, userId: person.id } },
          create: { tenantId: tenant.id, userId: person.id },
          update: {},
          select: { id: true },
        });
        return done(form, t("taskforce.subscribe.done"));
      }
      await db.taskforcePublicationSubscriber.deleteMany({ where: { userId: person.id } });
      return done(form, t("taskforce.unsubscribe.done"));
    });
  }
  return guard(args, PERMISSIONS.manage, async ({ db, tenant }) => {
    if (intent !== "create") return formError(form, t("taskforce.form.unknownAction"));
    const parsed = parseForm(
      form,
      z.object({
        name: requiredText("taskforce.field.name", 120),
        mandate: requiredText("taskforce.field.mandate", 5000),
        leadEmail: email,
      }),
    );
    if (!parsed.ok) return invalid(form, parsed.errors);
    const { name, mandate, leadEmail } = parsed.data;
    const lead = await coalitionMemberByEmail(db, leadEmail);
    if (!lead) return fieldError(form, "leadEmail", t("taskforce.form.notCoalitionMember"));
    if (await db.taskforce.findFirst({ where: { name }, select: { id: true } })) return fieldError(form, "name", t("taskforce.form.nameTaken"));
    try {
      const created = await db.taskforce.create({ data: { tenantId: tenant.id, name, mandate, leadUserId: lead.id }, select: { id: true } });
      await db.taskforceMember.create({ data: { tenantId: tenant.id, taskforceId: created.id, userId: lead.id } });
      return redirect(`/c/${tenant.slug}/taskforce/${created.id}`);
    } catch (error) {
      // Two people creating the same name at once: the unique index decides.
      if (isUniqueViolation(error)) return fieldError(form, "name", t("taskforce.form.nameTaken"));
      throw error;
    }
  });
}

export default function Taskforces() {
  const { slug, taskforces, page, pages: pageCount, canCreate, showPublished, published, subscribed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const failure = failureOf(result, "create");
  const base = `/c/${slug}/taskforce`;
  return (
    <main id="main">
      <h1>{t("taskforce.list.title")}</h1>
      <p>{t("taskforce.list.intro")}</p>
      <Table
        caption={t("taskforce.list.caption")}
        rows={taskforces}
        rowKey={(tf) => tf.id}
        empty={t("taskforce.list.empty")}
        columns={[
          { header: t("taskforce.list.name"), cell: (tf) => <Link to={`${base}/${tf.id}`}>{tf.name}</Link> },
          { header: t("taskforce.list.lead"), cell: (tf) => tf.lead },
          { header: t("taskforce.list.members"), cell: (tf) => tf.members },
          { header: t("taskforce.list.status"), cell: (tf) => t(`taskforce.status.${tf.status}`) },
          { header: t("taskforce.list.created"), cell: (tf) => formatDay(tf.createdAt) },
        ]}
      />
      <Pagination page={page} pages={pageCount} hrefFor={(p) => `${base}?page=${p}`} labels={paginationLabels(page, pageCount)} />

      {showPublished ? (
        <>
          <h2>{t("taskforce.list.published")}</h2>
          {published.length ? (
            <ul>
              {published.map((d) => (
                <li key={d.id}>
                  <Link to={`${base}/deliverables/${d.id}`}>{d.title}</Link> — {d.taskforce}, {formatDay(d.publishedAt)}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("taskforce.list.publishedEmpty")}</p>
          )}
        </>
      ) : null}

      <Feedback result={result} intent={subscribed ? "subscribe" : "unsubscribe"} />
      <Form method="post">
        <input type="hidden" name="intent" value={subscribed ? "unsubscribe" : "subscribe"} />
        <p>{subscribed ? t("taskforce.subscribe.on") : t("taskforce.subscribe.off")}</p>
        <Button variant="secondary">{subscribed ? t("taskforce.unsubscribe.submit") : t("taskforce.subscribe.submit")}</Button>
      </Form>

      {canCreate ? (
        <>
          <h2>{t("taskforce.create.title")}</h2>
          <Feedback result={result} intent="create" />
          <Form method="post" noValidate className="narrow">
            <input type="hidden" name="intent" value="create" />
            <TextField name="name" label={t("taskforce.field.name")} defaultValue={failure?.values.name} error={failure?.errors.name} maxLength={120} />
            <TextAreaField name="mandate" label={t("taskforce.field.mandate")} hint={t("taskforce.field.mandateHint")} defaultValue={failure?.values.mandate} error={failure?.errors.mandate} />
            <TextField name="leadEmail" type="email" label={t("taskforce.field.leadEmail")} hint={t("taskforce.field.leadEmailHint")} defaultValue={failure?.values.leadEmail} error={failure?.errors.leadEmail} />
            <Button>{t("taskforce.create.submit")}</Button>
          </Form>
        </>
      ) : null}
    </main>
  );
}
