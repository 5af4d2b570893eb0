import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, Notice, Pagination, SelectField, Table, TextAreaField, TextField } from "@commons/ui";
import { notFound } from "@commons/plugin-sdk/server";
import { DELIVERABLE_STATUSES, EVENTS, PERMISSIONS } from "../src/constants.ts";
import {
  coalitionOrganisations, day, findTaskforce, guard, optionalDate, organisationsByIds, PAGE_SIZE, pageParam, pages, peopleByIds, personName, requiredText, requireId,
  taskforceAccess, type Ctx, type RouteArgs,
} from "../src/access.server.ts";
import { failureOf, Feedback, formatDay, PlainText, type ActionResult } from "../src/components.tsx";
import { done, fieldError, formError, invalid, parseForm, readForm } from "../src/forms.server.ts";
import { paginationLabels, t } from "../src/i18n.ts";
import {
  ORGANISATION_ROWS_BLANK, ORGANISATION_ROWS_MAX, organisationRows, RACI_FIELD, RACI_ROLES, raciField, rolesOf, validateRaci, type RaciRole,
} from "../src/raci.ts";

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

/**
 * Those Consulted comment, and so may those Responsible or Accountable, the lead and the
 * secretariat. `roles` are the person's own and their organisation's (rolesOf).
 */
function mayComment(access: { canManage: boolean }, roles: readonly RaciRole[]): boolean {
  return access.canManage || roles.some((role) => role === "C" || role === "R" || role === "A");
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
      ctx.db.taskforceRaciAssignment.findMany({ where: { deliverableId }, select: { userId: true, organisationId: true, role: true } }),
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
    const heldByPeople = raci.flatMap((r) => (r.userId ? [{ userId: r.userId, role: r.role }] : []));
    const heldByOrganisations = raci.flatMap((r) => (r.organisationId ? [{ organisationId: r.organisationId, role: r.role }] : []));
    const editing = access.canManage && taskforce.status === "OPEN";
    const [people, organisationNames, choices] = await Promise.all([
      peopleByIds(ctx.db, [
        ...memberIds,
        ...heldByPeople.map((r) => r.userId),
        ...tasks.flatMap((task) => (task.assigneeUserId ? [task.assigneeUserId] : [])),
        ...comments.map((c) => c.authorUserId),
      ]),
      organisationsByIds(ctx.db, heldByOrganisations.map((r) => r.organisationId)),
      editing ? coalitionOrganisations(ctx.db) : Promise.resolve([]),
    ]);
    const roleOf = new Map(heldByPeople.map((r) => [r.userId, r.role]));
    const organisationName = (id: string) => organisationNames.get(id) ?? t("taskforce.organisation.unknown");
    // People: members in the order they joined, then anyone with a role who has since left the
    // taskforce. Then organisations, by name.
    const raciPeople = [...new Set([...memberIds, ...heldByPeople.map((r) => r.userId)])].flatMap((userId) => {
      const role = roleOf.get(userId);
      return role ? [{ kind: "person" as const, id: userId, name: personName(people, userId), role }] : [];
    });
    const raciOrganisations = heldByOrganisations
      .map((r) => ({ kind: "organisation" as const, id: r.organisationId, name: organisationName(r.organisationId), role: r.role }))
      .sort((a, b) => a.name.localeCompare(b.name));
    // Organisations already chosen stay choosable even past the list's length.
    const organisationChoices = new Map(choices.map((o) => [o.id, o.name]));
    for (const r of raciOrganisations) organisationChoices.set(r.id, r.name);
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
      raci: [...raciPeople, ...raciOrganisations],
      members: memberIds.map((userId) => ({ userId, name: personName(people, userId), role: roleOf.get(userId) ?? "" })),
      organisations: [...organisationChoices].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
      tasks: tasks.slice(0, TASK_LIMIT).map((task) => ({
        id: task.id,
        title: task.title,
        status: task.status,
        assignee: task.assigneeUserId ? personName(people, task.assigneeUserId) : null,
        dueDate: day(task.dueDate),
      })),
      moreTasks: tasks.length > TASK_LIMIT,
      canComment: mayComment(access, rolesOf(raci, ctx.person)),
      comments: comments.map((c) => ({ id: c.id, author: personName(people, c.authorUserId), body: c.body, day: day(c.createdAt) })),
      commentPage,
      commentPages: pages(commentCount),
      member: ctx.nav,
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
        const [memberIds, organisations] = await Promise.all([
          taskforceMemberIds(ctx, taskforce.id),
          organisationsByIds(db, organisationRows(form).map((row) => row.organisationId)),
        ]);
        const checked = validateRaci(form, { members: new Set(memberIds), organisations: new Set(organisations.keys()) });
        if (!checked.ok) return invalid(form, checked.errors);
        // Locks the deliverable's row first, so two saves of the matrix run one after the other.
        await db.taskforceDeliverable.update({ where: { id: deliverable.id }, data: { updatedAt: new Date() }, select: { id: true } });
        await db.taskforceRaciAssignment.deleteMany({ where: { deliverableId: deliverable.id } });
        await db.taskforceRaciAssignment.createMany({
          data: checked.assignments.map((a) => ({ tenantId: tenant.id, deliverableId: deliverable.id, ...a })),
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
        // The person's own role, and their organisation's.
        const mine = await db.taskforceRaciAssignment.findMany({
          where: { deliverableId: deliverable.id, OR: [{ userId: ctx.person.id }, ...(ctx.person.organisationId ? [{ organisationId: ctx.person.organisationId }] : [])] },
          select: { userId: true, organisationId: true, role: true },
        });
        needs(mayComment(access, rolesOf(mine, ctx.person)));
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
  const { slug, publishToAll, taskforce, access, deliverable, raci, members, organisations, tasks, moreTasks, canComment, comments, commentPage, commentPages } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const base = `/c/${slug}/taskforce`;
  const open = !taskforce.closed;
  const raciFailure = failureOf(result, "raci");
  const taskFailure = failureOf(result, "addTask");
  const publishFailure = failureOf(result, "publish");
  const commentFailure = failureOf(result, "comment");
  const taskStatusOptions = TASK_STATUSES.map((s) => ({ value: s, label: t(`taskforce.tasks.column.${s}`) }));
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
        rows={raci}
        rowKey={(r) => `${r.kind}:${r.id}`}
        empty={t("taskforce.raci.empty")}
        columns={[
          { header: t("taskforce.raci.name"), cell: (r) => r.name },
          ...RACI_ROLES.map((role) => ({
            header: t(`taskforce.raci.${role}`),
            cell: (r: (typeof raci)[number]) => (r.role === role ? <span aria-label={t(`taskforce.raci.${role}`)}>{role}</span> : null),
          })),
          // Last, so the role columns keep their places for readers (and the e2e test) that count cells.
          { header: t("taskforce.raci.kind"), cell: (r) => t(`taskforce.raci.kind.${r.kind}`) },
        ]}
      />
      {access.canManage && open ? (
        <>
          <Feedback result={result} intent="raci" />
          <RaciForm members={members} organisations={organisations} saved={raci} failure={raciFailure} formKey={result?.ok && result.form === "raci" ? result.notice : "raci"} />
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

const roleOptions = [{ value: "", label: t("taskforce.raci.none") }, ...RACI_ROLES.map((role) => ({ value: role, label: t(`taskforce.raci.${role}`) }))];

/**
 * The matrix as a plain form: one role per taskforce member (`role:<userId>`, as before
 * organisations could hold roles), then rows of organisation and role. After a failure
 * every field shows what was sent, with its message beside it.
 */
function RaciForm({ members, organisations, saved, failure, formKey }: {
  members: { userId: string; name: string; role: string }[];
  organisations: { id: string; name: string }[];
  saved: { kind: "person" | "organisation"; id: string; role: string }[];
  failure: Extract<ActionResult, { ok: false }> | undefined;
  formKey: string;
}) {
  const errors = failure?.errors ?? {};
  const rows = failure
    ? organisationRows(Object.entries(failure.values))
    : saved.filter((r) => r.kind === "organisation").map((r, row) => ({ row, organisationId: r.id, role: r.role }));
  const next = rows.length ? Math.max(...rows.map((r) => r.row)) + 1 : 0;
  const blank = Array.from({ length: Math.max(0, Math.min(ORGANISATION_ROWS_BLANK, ORGANISATION_ROWS_MAX - next)) }, (_, i) => ({ row: next + i, organisationId: "", role: "" }));
  const organisationOptions = [{ value: "", label: t("taskforce.raci.noOrganisation") }, ...organisations.map((o) => ({ value: o.id, label: o.name }))];
  const matrixError = errors[RACI_FIELD];
  return (
    <Form method="post" noValidate key={formKey}>
      <input type="hidden" name="intent" value="raci" />
      <fieldset id={`field-${RACI_FIELD}`} className={matrixError ? "field field--error" : "field"} aria-describedby={matrixError ? "field-raci-hint field-raci-error" : "field-raci-hint"}>
        <legend className="field__label">{t("taskforce.raci.edit")}</legend>
        <p id="field-raci-hint" className="field__hint">
          {t("taskforce.raci.editHint")}
        </p>
        {matrixError ? (
          <p id="field-raci-error" className="field__error">
            {matrixError}
          </p>
        ) : null}
        <fieldset>
          <legend>{t("taskforce.raci.people")}</legend>
          {members.map((m) => {
            const name = raciField.person(m.userId);
            return (
              <SelectField key={m.userId} name={name} label={t("taskforce.raci.roleFor", { name: m.name })} defaultValue={failure ? (failure.values[name] ?? "") : m.role} error={errors[name]} options={roleOptions} />
            );
          })}
        </fieldset>
        <fieldset>
          <legend>{t("taskforce.raci.organisations")}</legend>
          <p className="field__hint">{t("taskforce.raci.organisationsHint")}</p>
          {[...rows, ...blank].map(({ row, organisationId, role }) => (
            <div key={row} className="cards" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(14rem, 1fr))" }}>
              <SelectField
                name={raciField.organisation(row)}
                label={t("taskforce.raci.organisationRow", { row: row + 1 })}
                defaultValue={organisationId}
                error={errors[raciField.organisation(row)]}
                options={organisationOptions}
              />
              <SelectField
                name={raciField.organisationRole(row)}
                label={t("taskforce.raci.organisationRoleRow", { row: row + 1 })}
                defaultValue={role}
                error={errors[raciField.organisationRole(row)]}
                options={roleOptions}
              />
            </div>
          ))}
        </fieldset>
      </fieldset>
      <Button>{t("taskforce.raci.submit")}</Button>
    </Form>
  );
}
