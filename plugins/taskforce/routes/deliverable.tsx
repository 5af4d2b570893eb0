import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, Notice, Pagination, SelectField, Table, TextAreaField, TextField } from "@commons/ui";
import { notFound } from "@commons/plugin-sdk/server";
import { DELIVERABLE_STATUSES, EVENTS, PERMISSIONS } from "../src/constants.ts";
import {
  day, findTaskforce, guard, optionalDate, PAGE_SIZE, pageParam, pages, peopleByIds, personName, requiredText, requireId, taskforceAccess, type Ctx, type RouteArgs,
} from "../src/access.server.ts";
import { failureOf, Feedback, formatDay, PlainText, type ActionResult } from "../src/components.tsx";
import { done, fieldError, formError, invalid, parseForm, readForm } from "../src/forms.server.ts";
import { paginationLabels, t } from "../src/i18n.ts";
import { RACI_ROLES, validateRaci } from "../src/raci.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.deliverable.title ?? t("taskforce.list.title")} · Commons` }];

const TASK_STATUSES = ["TODO", "DOING", "DONE"] as const;
/** A deliverable's board is small; past this many tasks the page says so. */
const TASK_LIMIT = 300;

/** The deliverable of this coalition named by the URL, with its taskforce, or 404. */
async function findDeliverable(ctx: Ctx, id: string) {
  const deliverable = await ctx.db.taskforceDeliverable.findFirst({
    where: { id },
    select: { id: true, taskforceId: true, title: true, description: true, dueDate: true, status: true, output: true, publishedAt: true },
  });
  if (!deliverable) throw notFound();
  const taskforce = await findTaskforce(ctx.db, deliverable.taskforceId);
  return { deliverable, taskforce, access: await taskforceAccess(ctx, taskforce) };
}

/** Those Consulted comment, and so may those Responsible or Accountable, the lead and the secretariat. */
function mayComment(access: { canManage: boolean }, role: string | undefined): boolean {
  return access.canManage || role === "C" || role === "R" || role === "A";
}

async function taskforceMemberIds(ctx: Ctx, taskforceId: string): Promise<string[]> {
  const rows = await ctx.db.taskforceMember.findMany({ where: { taskforceId }, orderBy: { createdAt: "asc" }, take: 500, select: { userId: true } });
  return rows.map((r) => r.userId);
}

export async function loader(args: RouteArgs) {
  const deliverableId = requireId(args.params.deliverableId);
  const commentPage = pageParam(args.request, "comments");
  return guard(args, PERMISSIONS.view, async (ctx) => {
    const { deliverable, taskforce, access } = await findDeliverable(ctx, deliverableId);
    const [memberIds, raci, tasks, comments, commentCount] = await Promise.all([
      taskforceMemberIds(ctx, taskforce.id),
      ctx.db.taskforceRaciAssignment.findMany({ where: { deliverableId }, select: { userId: true, role: true } }),
      ctx.db.taskforceTask.findMany({
        where: { deliverableId },
        orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
        take: TASK_LIMIT + 1,
        select: { id: true, title: true, status: true, assigneeUserId: true, dueDate: true },
      }),
      ctx.db.taskforceComment.findMany({
        where: { deliverableId },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: (commentPage - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
        select: { id: true, body: true, authorUserId: true, createdAt: true },
      }),
      ctx.db.taskforceComment.count({ where: { deliverableId } }),
    ]);
    const people = await peopleByIds(ctx.db, [
      ...memberIds,
      ...raci.map((r) => r.userId),
      ...tasks.flatMap((task) => (task.assigneeUserId ? [task.assigneeUserId] : [])),
      ...comments.map((c) => c.authorUserId),
    ]);
    const roleOf = new Map(raci.map((r) => [r.userId, r.role]));
    // Members in the order they joined, then anyone with a role who has since left the taskforce.
    const raciPeople = [...new Set([...memberIds, ...raci.map((r) => r.userId)])];
    return {
      slug: ctx.tenant.slug,
      publishToAll: ctx.settings.publishToAllMembers,
      taskforce: { id: taskforce.id, name: taskforce.name, closed: taskforce.status === "CLOSED" },
      access,
      deliverable: {
        id: deliverable.id,
        title: deliverable.title,
        description: deliverable.description,
        dueDate: day(deliverable.dueDate),
        status: deliverable.status,
        output: deliverable.output,
        publishedAt: day(deliverable.publishedAt),
      },
      raci: raciPeople.map((userId) => ({ userId, name: personName(people, userId), role: roleOf.get(userId) ?? null })),
      members: memberIds.map((userId) => ({ userId, name: personName(people, userId) })),
      tasks: tasks.slice(0, TASK_LIMIT).map((task) => ({
        id: task.id,
        title: task.title,
        status: task.status,
        assignee: task.assigneeUserId ? personName(people, task.assigneeUserId) : null,
        dueDate: day(task.dueDate),
      })),
      moreTasks: tasks.length > TASK_LIMIT,
      canComment: mayComment(access, roleOf.get(ctx.person.id)),
      comments: comments.map((c) => ({ id: c.id, author: personName(people, c.authorUserId), body: c.body, day: day(c.createdAt) })),
      commentPage,
      commentPages: pages(commentCount),
    };
  });
}

export async function action(args: RouteArgs) {
  const deliverableId = requireId(args.params.deliverableId);
  const form = await readForm(args.request);
  const intent = String(form.get("intent") ?? "");
  return guard(args, PERMISSIONS.view, async (ctx) => {
    const { db, tenant } = ctx;
    const { deliverable, taskforce, access } = await findDeliverable(ctx, deliverableId);
    const needs = (allowed: boolean) => {
      if (!allowed) throw notFound();
    };
    if (taskforce.status === "CLOSED" && intent) {
      needs(access.canContribute || access.canManage);
      return formError(form, t("taskforce.form.closed"), 409);
    }

    switch (intent) {
      case "raci": {
        needs(access.canManage);
        const memberIds = await taskforceMemberIds(ctx, taskforce.id);
        const checked = validateRaci(form, memberIds);
        if (!checked.ok) return fieldError(form, "raci", checked.message);
        // Locks the deliverable's row first, so two saves of the matrix run one after the other.
        await db.taskforceDeliverable.update({ where: { id: deliverable.id }, data: { updatedAt: new Date() }, select: { id: true } });
        await db.taskforceRaciAssignment.deleteMany({ where: { deliverableId: deliverable.id } });
        await db.taskforceRaciAssignment.createMany({
          data: checked.assignments.map((a) => ({ tenantId: tenant.id, deliverableId: deliverable.id, userId: a.userId, role: a.role })),
        });
        return done(form, t("taskforce.raci.saved"));
      }
      case "deliverableStatus": {
        needs(access.canManage);
        const parsed = parseForm(form, z.object({ status: z.enum(DELIVERABLE_STATUSES, t("taskforce.form.choose", { field: t("taskforce.field.status").toLowerCase() })) }));
        if (!parsed.ok) return invalid(form, parsed.errors);
        if (parsed.data.status !== deliverable.status) {
          await db.taskforceDeliverable.update({ where: { id: deliverable.id }, data: { status: parsed.data.status }, select: { id: true } });
          // Same transaction: the people Informed hear of it exactly when it happened.
          await ctx.emit(EVENTS.deliverableStatusChanged, { deliverableId: deliverable.id, status: parsed.data.status });
        }
        return done(form, t("taskforce.deliverable.statusChanged", { status: t(`taskforce.deliverableStatus.${parsed.data.status}`) }));
      }
      case "addTask": {
        needs(access.canContribute);
        const parsed = parseForm(
          form,
          z.object({
            title: requiredText("taskforce.field.title", 200),
            assignee: z.string().optional().transform((v) => v || null),
            dueDate: optionalDate("taskforce.field.dueDate"),
          }),
        );
        if (!parsed.ok) return invalid(form, parsed.errors);
        const { title, assignee, dueDate } = parsed.data;
        if (assignee && !(await taskforceMemberIds(ctx, taskforce.id)).includes(assignee)) return fieldError(form, "assignee", t("taskforce.form.assigneeNotMember"));
        await db.taskforceTask.create({ data: { tenantId: tenant.id, deliverableId: deliverable.id, title, assigneeUserId: assignee, dueDate } });
        return done(form, t("taskforce.tasks.added", { title }));
      }
      case "taskStatus": {
        needs(access.canContribute);
        const taskId = requireId(form.get("taskId"));
        // Only a task of this deliverable (and so of this coalition and taskforce).
        const task = await db.taskforceTask.findFirst({ where: { id: taskId, deliverableId: deliverable.id }, select: { id: true, title: true } });
        if (!task) throw notFound();
        const parsed = parseForm(form, z.object({ status: z.enum(TASK_STATUSES, t("taskforce.form.choose", { field: t("taskforce.field.status").toLowerCase() })) }));
        if (!parsed.ok) return invalid(form, parsed.errors);
        await db.taskforceTask.update({ where: { id: task.id }, data: { status: parsed.data.status }, select: { id: true } });
        return done(form, t("taskforce.tasks.moved", { title: task.title, status: t(`taskforce.tasks.column.${parsed.data.status}`) }));
      }
      case "publish": {
        needs(access.canManage);
        const parsed = parseForm(form, z.object({ output: requiredText("taskforce.field.output", 50_000) }));
        if (!parsed.ok) return invalid(form, parsed.errors);
        await db.taskforceDeliverable.update({ where: { id: deliverable.id }, data: { output: parsed.data.output, publishedAt: new Date() }, select: { id: true } });
        // In the same transaction as the change: subscribers (email to members who opted in, …) see it exactly once.
        await ctx.emit(EVENTS.deliverablePublished, {
          deliverableId: deliverable.id,
          taskforceId: taskforce.id,
          audience: ctx.settings.publishToAllMembers ? "coalition" : "taskforce",
        });
        return done(form, t("taskforce.publish.done"));
      }
      case "comment": {
        const mine = await db.taskforceRaciAssignment.findFirst({ where: { deliverableId: deliverable.id, userId: ctx.person.id }, select: { role: true } });
        needs(mayComment(access, mine?.role));
        const parsed = parseForm(form, z.object({ body: requiredText("taskforce.comments.field", 5_000) }));
        if (!parsed.ok) return invalid(form, parsed.errors);
        await db.taskforceComment.create({ data: { tenantId: tenant.id, deliverableId: deliverable.id, authorUserId: ctx.person.id, body: parsed.data.body }, select: { id: true } });
        return done(form, t("taskforce.comments.added"));
      }
      default:
        return formError(form, t("taskforce.form.unknownAction"));
    }
  });
}

function StatusSelect({ id, label, value, options }: { id: string; label: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select id={id} name="status" defaultValue={value} className="field__input">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}

export default function DeliverablePage() {
  const { slug, publishToAll, taskforce, access, deliverable, raci, members, tasks, moreTasks, canComment, comments, commentPage, commentPages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const base = `/c/${slug}/taskforce`;
  const open = !taskforce.closed;
  const raciFailure = failureOf(result, "raci");
  const taskFailure = failureOf(result, "addTask");
  const publishFailure = failureOf(result, "publish");
  const commentFailure = failureOf(result, "comment");
  const taskStatusOptions = TASK_STATUSES.map((s) => ({ value: s, label: t(`taskforce.tasks.column.${s}`) }));
  const withRole = raci.filter((r) => r.role);
  return (
    <main id="main">
      <p>
        <Link to={`${base}/${taskforce.id}`}>{taskforce.name}</Link>
      </p>
      <h1>{deliverable.title}</h1>
      {taskforce.closed ? <Notice tone="warning">{t("taskforce.page.closed")}</Notice> : null}
      <dl className="summary">
        <dt>{t("taskforce.deliverable.taskforce")}</dt>
        <dd>{taskforce.name}</dd>
        <dt>{t("taskforce.deliverable.due")}</dt>
        <dd>{formatDay(deliverable.dueDate)}</dd>
        <dt>{t("taskforce.field.status")}</dt>
        <dd>{t(`taskforce.deliverableStatus.${deliverable.status}`)}</dd>
        <dt>{t("taskforce.deliverable.published")}</dt>
        <dd>{deliverable.publishedAt ? formatDay(deliverable.publishedAt) : t("taskforce.deliverable.notPublished")}</dd>
      </dl>
      {deliverable.description ? <PlainText text={deliverable.description} /> : null}
      {access.canManage && open ? (
        <>
          <Feedback result={result} intent="deliverableStatus" />
          <Form method="post" className="narrow">
            <input type="hidden" name="intent" value="deliverableStatus" />
            <SelectField
              name="status"
              label={t("taskforce.field.status")}
              defaultValue={deliverable.status}
              options={DELIVERABLE_STATUSES.map((s) => ({ value: s, label: t(`taskforce.deliverableStatus.${s}`) }))}
            />
            <Button variant="secondary">{t("taskforce.deliverable.changeStatus")}</Button>
          </Form>
        </>
      ) : null}

      <h2>{t("taskforce.raci.title")}</h2>
      <Table
        caption={t("taskforce.raci.caption")}
        rows={withRole}
        rowKey={(r) => r.userId}
        empty={t("taskforce.raci.empty")}
        columns={[
          { header: t("taskforce.raci.person"), cell: (r) => r.name },
          ...RACI_ROLES.map((role) => ({
            header: t(`taskforce.raci.${role}`),
            cell: (r: (typeof raci)[number]) => (r.role === role ? <span aria-label={t(`taskforce.raci.${role}`)}>{role}</span> : null),
          })),
        ]}
      />
      {access.canManage && open ? (
        <>
          <Feedback result={result} intent="raci" />
          <Form method="post" noValidate key={result?.ok && result.form === "raci" ? result.notice : "raci"}>
            <input type="hidden" name="intent" value="raci" />
            <fieldset id="field-raci" className={raciFailure?.errors.raci ? "field field--error" : "field"} aria-describedby={raciFailure?.errors.raci ? "field-raci-hint field-raci-error" : "field-raci-hint"}>
              <legend className="field__label">{t("taskforce.raci.edit")}</legend>
              <p id="field-raci-hint" className="field__hint">
                {t("taskforce.raci.editHint")}
              </p>
              {raciFailure?.errors.raci ? (
                <p id="field-raci-error" className="field__error">
                  {raciFailure.errors.raci}
                </p>
              ) : null}
              {members.map((m) => (
                <StatusSelectRaci key={m.userId} userId={m.userId} name={m.name} value={raciFailure ? (raciFailure.values[`role:${m.userId}`] ?? "") : (raci.find((r) => r.userId === m.userId)?.role ?? "")} />
              ))}
            </fieldset>
            <Button>{t("taskforce.raci.submit")}</Button>
          </Form>
        </>
      ) : null}

      <h2>{t("taskforce.tasks.title")}</h2>
      <Feedback result={result} intent="taskStatus" />
      {moreTasks ? <Notice>{t("taskforce.tasks.tooMany", { count: TASK_LIMIT })}</Notice> : null}
      <div className="cards" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(14rem, 1fr))" }}>
        {TASK_STATUSES.map((column) => {
          const inColumn = tasks.filter((task) => task.status === column);
          return (
            <section key={column} aria-labelledby={`column-${column}`}>
              <h3 id={`column-${column}`}>
                {t(`taskforce.tasks.column.${column}`)} ({inColumn.length})
              </h3>
              {inColumn.length ? (
                <ul className="cards" style={{ gridTemplateColumns: "1fr" }}>
                  {inColumn.map((task) => (
                    <li key={task.id} className="card">
                      <strong>{task.title}</strong>
                      {task.assignee ? <div>{t("taskforce.tasks.assignee", { name: task.assignee })}</div> : null}
                      {task.dueDate ? <div>{t("taskforce.tasks.due", { date: formatDay(task.dueDate) })}</div> : null}
                      {access.canContribute && open ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="taskStatus" />
                          <input type="hidden" name="taskId" value={task.id} />
                          <StatusSelect id={`task-status-${task.id}`} label={t("taskforce.tasks.statusFor", { title: task.title })} value={task.status} options={taskStatusOptions} />
                          <Button variant="secondary">{t("taskforce.tasks.move")}</Button>
                        </Form>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t("taskforce.tasks.empty")}</p>
              )}
            </section>
          );
        })}
      </div>
      {access.canContribute && open ? (
        <>
          <h3>{t("taskforce.tasks.add")}</h3>
          <Feedback result={result} intent="addTask" />
          <Form method="post" noValidate className="narrow" key={result?.ok && result.form === "addTask" ? result.notice : "addTask"}>
            <input type="hidden" name="intent" value="addTask" />
            <TextField name="title" label={t("taskforce.field.title")} defaultValue={taskFailure?.values.title} error={taskFailure?.errors.title} maxLength={200} />
            <SelectField
              name="assignee"
              label={t("taskforce.field.assignee")}
              defaultValue={taskFailure?.values.assignee ?? ""}
              error={taskFailure?.errors.assignee}
              options={[{ value: "", label: t("taskforce.field.nobody") }, ...members.map((m) => ({ value: m.userId, label: m.name }))]}
            />
            <TextField name="dueDate" type="date" label={t("taskforce.field.optionalDueDate")} hint={t("taskforce.field.dueDateHint")} defaultValue={taskFailure?.values.dueDate} error={taskFailure?.errors.dueDate} />
            <Button>{t("taskforce.tasks.submit")}</Button>
          </Form>
        </>
      ) : null}

      <h2>{t("taskforce.comments.title")}</h2>
      {comments.length ? (
        comments.map((c) => (
          <article key={c.id} className="card stack">
            <p className="muted">{t("taskforce.comments.by", { name: c.author, date: formatDay(c.day) })}</p>
            <PlainText text={c.body} />
          </article>
        ))
      ) : (
        <p>{t("taskforce.comments.empty")}</p>
      )}
      <Pagination
        page={commentPage}
        pages={commentPages}
        hrefFor={(p) => `${base}/deliverables/${deliverable.id}?comments=${p}`}
        labels={paginationLabels(commentPage, commentPages)}
      />
      {canComment && open ? (
        <>
          <Feedback result={result} intent="comment" />
          <Form method="post" noValidate className="narrow" key={result?.ok && result.form === "comment" ? result.notice : "comment"}>
            <input type="hidden" name="intent" value="comment" />
            <TextAreaField name="body" label={t("taskforce.comments.field")} defaultValue={commentFailure?.values.body} error={commentFailure?.errors.body} />
            <Button>{t("taskforce.comments.submit")}</Button>
          </Form>
        </>
      ) : null}

      <h2>{t("taskforce.publish.title")}</h2>
      {deliverable.publishedAt ? <p>{t("taskforce.publish.publishedOn", { date: formatDay(deliverable.publishedAt) })}</p> : null}
      {deliverable.output ? <PlainText text={deliverable.output} /> : null}
      {access.canManage && open ? (
        <>
          <Feedback result={result} intent="publish" />
          <Form method="post" noValidate className="narrow">
            <input type="hidden" name="intent" value="publish" />
            <TextAreaField
              name="output"
              label={t("taskforce.field.output")}
              hint={publishToAll ? t("taskforce.publish.hintAll") : t("taskforce.publish.hintTaskforce")}
              defaultValue={publishFailure?.values.output ?? deliverable.output ?? ""}
              error={publishFailure?.errors.output}
            />
            <Button>{deliverable.publishedAt ? t("taskforce.publish.republish") : t("taskforce.publish.submit")}</Button>
          </Form>
        </>
      ) : null}
    </main>
  );
}

function StatusSelectRaci({ userId, name, value }: { userId: string; name: string; value: string }) {
  const id = `raci-${userId}`;
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {t("taskforce.raci.roleFor", { name })}
      </label>
      <select id={id} name={`role:${userId}`} defaultValue={value} className="field__input">
        <option value="">{t("taskforce.raci.none")}</option>
        {RACI_ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`taskforce.raci.${role}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
