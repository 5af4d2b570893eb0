import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, Notice, Pagination, Table, TextAreaField, TextField } from "@commons/ui";
import { PERMISSIONS } from "../src/constants.ts";
import {
  coalitionMemberByEmail, day, email, findTaskforce, guard, isUniqueViolation, optionalText, pageParam, pages, PAGE_SIZE, peopleByIds, personName,
  requiredDate, requiredText, requireId, taskforceAccess, type RouteArgs,
} from "../src/access.server.ts";
import { notFound } from "@commons/plugin-sdk/server";
import { failureOf, Feedback, formatDay, PlainText, type ActionResult } from "../src/components.tsx";
import { done, fieldError, formError, invalid, parseForm, readForm } from "../src/forms.server.ts";
import { paginationLabels, t } from "../src/i18n.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.taskforce.name ?? t("taskforce.list.title")} · Commons` }];

export async function loader(args: RouteArgs) {
  const taskforceId = requireId(args.params.taskforceId);
  const deliverablePage = pageParam(args.request, "deliverables");
  const notePage = pageParam(args.request, "notes");
  return guard(args, PERMISSIONS.view, async (ctx) => {
    const { db, tenant } = ctx;
    const taskforce = await findTaskforce(db, taskforceId);
    const [access, members, deliverables, deliverableCount, notes, noteCount] = await Promise.all([
      taskforceAccess(ctx, taskforce),
      db.taskforceMember.findMany({ where: { taskforceId }, orderBy: { createdAt: "asc" }, take: 500, select: { userId: true } }),
      db.taskforceDeliverable.findMany({
        where: { taskforceId },
        orderBy: [{ dueDate: "asc" }, { id: "asc" }],
        skip: (deliverablePage - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
        select: { id: true, title: true, dueDate: true, status: true, publishedAt: true },
      }),
      db.taskforceDeliverable.count({ where: { taskforceId } }),
      db.taskforceMeetingNote.findMany({
        where: { taskforceId },
        orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
        skip: (notePage - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
        select: { id: true, title: true, body: true, heldOn: true, authorUserId: true },
      }),
      db.taskforceMeetingNote.count({ where: { taskforceId } }),
    ]);
    const people = await peopleByIds(db, [taskforce.leadUserId, ...members.map((m) => m.userId), ...notes.map((n) => n.authorUserId)]);
    return {
      slug: tenant.slug,
      taskforce: { id: taskforce.id, name: taskforce.name, mandate: taskforce.mandate, status: taskforce.status, lead: personName(people, taskforce.leadUserId), leadUserId: taskforce.leadUserId },
      access,
      members: members.map((m) => ({ userId: m.userId, name: personName(people, m.userId), email: people.get(m.userId)?.email ?? "" })),
      deliverables: deliverables.map((d) => ({ id: d.id, title: d.title, dueDate: day(d.dueDate), status: d.status, published: !!d.publishedAt })),
      deliverablePage,
      deliverablePages: pages(deliverableCount),
      notes: notes.map((n) => ({ id: n.id, title: n.title, body: n.body, heldOn: day(n.heldOn), author: personName(people, n.authorUserId) })),
      notePage,
      notePages: pages(noteCount),
      member: ctx.nav,
    };
  });
}

export async function action(args: RouteArgs) {
  const taskforceId = requireId(args.params.taskforceId);
  const form = await readForm(args.request);
  const intent = String(form.get("intent") ?? "");
  return guard(args, PERMISSIONS.view, async (ctx) => {
    const { db, tenant, person } = ctx;
    const taskforce = await findTaskforce(db, taskforceId);
    const access = await taskforceAccess(ctx, taskforce);
    const closed = taskforce.status === "CLOSED";

    switch (intent) {
      case "status": {
        if (!access.canManage) throw notFound();
        const status = closed ? "OPEN" : "CLOSED";
        await db.taskforce.update({ where: { id: taskforce.id }, data: { status } });
        return done(form, t("taskforce.page.statusChanged", { status: t(`taskforce.status.${status}`) }));
      }
      case "addMember": {
        if (!access.canManage) throw notFound();
        if (closed) return formError(form, t("taskforce.form.closed"), 409);
        const parsed = parseForm(form, z.object({ email }));
        if (!parsed.ok) return invalid(form, parsed.errors);
        const member = await coalitionMemberByEmail(db, parsed.data.email);
        if (!member) return fieldError(form, "email", t("taskforce.form.notCoalitionMember"));
        try {
          await db.taskforceMember.create({ data: { tenantId: tenant.id, taskforceId: taskforce.id, userId: member.id } });
        } catch (error) {
          if (isUniqueViolation(error)) return fieldError(form, "email", t("taskforce.form.alreadyMember"));
          throw error;
        }
        return done(form, t("taskforce.members.added", { name: member.name }));
      }
      case "removeMember": {
        if (!access.canManage) throw notFound();
        const userId = z.uuid().safeParse(form.get("userId"));
        // The lead stays a member; an unknown person changes nothing.
        if (!userId.success || userId.data === taskforce.leadUserId) return formError(form, t("taskforce.form.unknownAction"));
        await db.taskforceMember.deleteMany({ where: { taskforceId: taskforce.id, userId: userId.data } });
        return done(form, t("taskforce.members.removed"));
      }
      case "addDeliverable": {
        if (!access.canManage) throw notFound();
        if (closed) return formError(form, t("taskforce.form.closed"), 409);
        const parsed = parseForm(
          form,
          z.object({
            title: requiredText("taskforce.field.title", 200),
            description: optionalText("taskforce.field.description", 5000),
            dueDate: requiredDate("taskforce.field.dueDate"),
          }),
        );
        if (!parsed.ok) return invalid(form, parsed.errors);
        try {
          await db.taskforceDeliverable.create({ data: { tenantId: tenant.id, taskforceId: taskforce.id, ...parsed.data } });
        } catch (error) {
          if (isUniqueViolation(error)) return fieldError(form, "title", t("taskforce.form.titleTaken"));
          throw error;
        }
        return done(form, t("taskforce.deliverables.added", { title: parsed.data.title }));
      }
      case "addNote": {
        if (!access.canContribute) throw notFound();
        if (closed) return formError(form, t("taskforce.form.closed"), 409);
        const parsed = parseForm(
          form,
          z.object({
            noteTitle: requiredText("taskforce.field.title", 200),
            heldOn: requiredDate("taskforce.field.heldOn"),
            body: requiredText("taskforce.field.body", 20_000),
          }),
        );
        if (!parsed.ok) return invalid(form, parsed.errors);
        const { noteTitle, heldOn, body } = parsed.data;
        await db.taskforceMeetingNote.create({ data: { tenantId: tenant.id, taskforceId: taskforce.id, title: noteTitle, heldOn, body, authorUserId: person.id } });
        return done(form, t("taskforce.notes.added", { title: noteTitle }));
      }
      default:
        return formError(form, t("taskforce.form.unknownAction"));
    }
  });
}

export default function TaskforcePage() {
  const data = useLoaderData<typeof loader>();
  const { slug, taskforce, access, members, deliverables, notes } = data;
  const result = useActionData<typeof action>() as ActionResult;
  const base = `/c/${slug}/taskforce`;
  const here = `${base}/${taskforce.id}`;
  const closed = taskforce.status === "CLOSED";
  const memberFailure = failureOf(result, "addMember");
  const deliverableFailure = failureOf(result, "addDeliverable");
  const noteFailure = failureOf(result, "addNote");
  return (
    <main id="main">
      <p>
        <Link to={base}>{t("taskforce.page.back")}</Link>
      </p>
      <h1>{taskforce.name}</h1>
      <Feedback result={result} intent="status" />
      <Feedback result={result} intent="removeMember" />
      {closed ? <Notice tone="warning">{t("taskforce.page.closed")}</Notice> : null}
      <dl className="summary">
        <dt>{t("taskforce.page.lead")}</dt>
        <dd>{taskforce.lead}</dd>
        <dt>{t("taskforce.page.status")}</dt>
        <dd>{t(`taskforce.status.${taskforce.status}`)}</dd>
      </dl>
      <h2>{t("taskforce.page.mandate")}</h2>
      <PlainText text={taskforce.mandate} />
      {access.canManage ? (
        <Form method="post">
          <input type="hidden" name="intent" value="status" />
          <Button variant="secondary">{closed ? t("taskforce.page.reopen") : t("taskforce.page.close")}</Button>
        </Form>
      ) : null}

      <h2>{t("taskforce.members.title")}</h2>
      <Table
        caption={t("taskforce.members.caption")}
        rows={members}
        rowKey={(m) => m.userId}
        empty={t("taskforce.members.empty")}
        columns={[
          { header: t("taskforce.members.name"), cell: (m) => m.name },
          { header: t("taskforce.members.email"), cell: (m) => m.email },
          ...(access.canManage
            ? [
                {
                  header: t("taskforce.members.removeHeader"),
                  cell: (m: (typeof members)[number]) =>
                    m.userId === taskforce.leadUserId ? null : (
                      <Form method="post">
                        <input type="hidden" name="intent" value="removeMember" />
                        <input type="hidden" name="userId" value={m.userId} />
                        <Button variant="link">{t("taskforce.members.remove", { name: m.name })}</Button>
                      </Form>
                    ),
                },
              ]
            : []),
        ]}
      />
      {access.canManage && !closed ? (
        <>
          <Feedback result={result} intent="addMember" />
          <Form method="post" noValidate className="narrow" key={result?.ok && result.form === "addMember" ? result.notice : "addMember"}>
            <input type="hidden" name="intent" value="addMember" />
            <TextField name="email" type="email" label={t("taskforce.field.memberEmail")} defaultValue={memberFailure?.values.email} error={memberFailure?.errors.email} />
            <Button>{t("taskforce.members.add")}</Button>
          </Form>
        </>
      ) : null}

      <h2>{t("taskforce.deliverables.title")}</h2>
      <Table
        caption={t("taskforce.deliverables.caption")}
        rows={deliverables}
        rowKey={(d) => d.id}
        empty={t("taskforce.deliverables.empty")}
        columns={[
          { header: t("taskforce.field.title"), cell: (d) => <Link to={`${base}/deliverables/${d.id}`}>{d.title}</Link> },
          { header: t("taskforce.field.dueDate"), cell: (d) => formatDay(d.dueDate) },
          { header: t("taskforce.field.status"), cell: (d) => t(`taskforce.deliverableStatus.${d.status}`) },
          { header: t("taskforce.deliverable.published"), cell: (d) => (d.published ? t("taskforce.raci.marked") : t("taskforce.deliverable.notPublished")) },
        ]}
      />
      <Pagination
        page={data.deliverablePage}
        pages={data.deliverablePages}
        hrefFor={(p) => `${here}?deliverables=${p}&notes=${data.notePage}`}
        labels={paginationLabels(data.deliverablePage, data.deliverablePages)}
      />
      {access.canManage && !closed ? (
        <>
          <h3>{t("taskforce.deliverables.add")}</h3>
          <Feedback result={result} intent="addDeliverable" />
          <Form method="post" noValidate className="narrow" key={result?.ok && result.form === "addDeliverable" ? result.notice : "addDeliverable"}>
            <input type="hidden" name="intent" value="addDeliverable" />
            <TextField name="title" label={t("taskforce.field.title")} defaultValue={deliverableFailure?.values.title} error={deliverableFailure?.errors.title} maxLength={200} />
            <TextAreaField name="description" label={t("taskforce.field.description")} defaultValue={deliverableFailure?.values.description} error={deliverableFailure?.errors.description} />
            <TextField name="dueDate" type="date" label={t("taskforce.field.dueDate")} hint={t("taskforce.field.dueDateHint")} defaultValue={deliverableFailure?.values.dueDate} error={deliverableFailure?.errors.dueDate} />
            <Button>{t("taskforce.deliverables.submit")}</Button>
          </Form>
        </>
      ) : null}

      <h2>{t("taskforce.notes.title")}</h2>
      {notes.length ? (
        notes.map((n) => (
          <article key={n.id}>
            <h3>{n.title}</h3>
            <p>{t("taskforce.notes.by", { name: n.author, date: formatDay(n.heldOn) })}</p>
            <PlainText text={n.body} />
          </article>
        ))
      ) : (
        <p>{t("taskforce.notes.empty")}</p>
      )}
      <Pagination
        page={data.notePage}
        pages={data.notePages}
        hrefFor={(p) => `${here}?deliverables=${data.deliverablePage}&notes=${p}`}
        labels={paginationLabels(data.notePage, data.notePages)}
      />
      {access.canContribute && !closed ? (
        <>
          <h3>{t("taskforce.notes.add")}</h3>
          <Feedback result={result} intent="addNote" />
          <Form method="post" noValidate className="narrow" key={result?.ok && result.form === "addNote" ? result.notice : "addNote"}>
            <input type="hidden" name="intent" value="addNote" />
            <TextField name="noteTitle" label={t("taskforce.field.title")} defaultValue={noteFailure?.values.noteTitle} error={noteFailure?.errors.noteTitle} maxLength={200} />
            <TextField name="heldOn" type="date" label={t("taskforce.field.heldOn")} hint={t("taskforce.field.dueDateHint")} defaultValue={noteFailure?.values.heldOn} error={noteFailure?.errors.heldOn} />
            <TextAreaField name="body" label={t("taskforce.field.body")} defaultValue={noteFailure?.values.body} error={noteFailure?.errors.body} />
            <Button>{t("taskforce.notes.submit")}</Button>
          </Form>
        </>
      ) : null}
    </main>
  );
}
