import { z } from "zod";
import { guardFor, notFound, type ModuleContext } from "@commons/plugin-sdk/server";
import taskforceModule, { type settings } from "../manifest.ts";
import { PERMISSIONS } from "./constants.ts";
import { t, type MessageKey } from "./i18n.ts";

export type Ctx = ModuleContext<typeof settings>;
export type Db = Ctx["db"];

export { requireId, type ModuleRouteArgs as RouteArgs } from "@commons/plugin-sdk/server";

export const PAGE_SIZE = 20;

/** Every route starts here: signed in, a member of the coalition, module on, permission held. */
export const guard = guardFor(taskforceModule);

export function pageParam(request: Request, name = "page"): number {
  const page = Number(new URL(request.url).searchParams.get(name) ?? 1);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

export function pages(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/** A taskforce of this coalition (the scoped client adds the tenant), or 404. */
export async function findTaskforce(db: Db, id: string) {
  const taskforce = await db.taskforce.findFirst({
    where: { id },
    select: { id: true, name: true, mandate: true, leadUserId: true, status: true, createdAt: true },
  });
  if (!taskforce) throw notFound();
  return taskforce;
}

export type TaskforceRow = Awaited<ReturnType<typeof findTaskforce>>;

/** What the person may do in one taskforce. */
export interface TaskforceAccess {
  isMember: boolean;
  isLead: boolean;
  /** Members, deliverables, responsibilities, publishing, closing: the secretariat or the lead. */
  canManage: boolean;
  /** Tasks and meeting notes: the secretariat, or members of this taskforce who may contribute. */
  canContribute: boolean;
}

export async function taskforceAccess(ctx: Ctx, taskforce: { id: string; leadUserId: string }): Promise<TaskforceAccess> {
  const membership = await ctx.db.taskforceMember.findFirst({ where: { taskforceId: taskforce.id, userId: ctx.person.id }, select: { id: true } });
  const isLead = taskforce.leadUserId === ctx.person.id;
  const isMember = !!membership || isLead;
  const manages = ctx.can(PERMISSIONS.manage);
  return {
    isMember,
    isLead,
    canManage: manages || (isLead && ctx.can(PERMISSIONS.contribute)),
    canContribute: manages || (isMember && ctx.can(PERMISSIONS.contribute)),
  };
}

export interface Person {
  id: string;
  name: string;
  email: string;
}

/**
 * Names of people by id, resolved through this coalition's memberships only: someone who
 * is not (or no longer) a member of the coalition is never looked up in another one.
 */
export async function peopleByIds(db: Db, ids: Iterable<string>): Promise<Map<string, Person>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.membership.findMany({
    where: { userId: { in: unique } },
    select: { userId: true, user: { select: { name: true, email: true } } },
  });
  return new Map(rows.map((r) => [r.userId, { id: r.userId, name: r.user.name, email: r.user.email }]));
}

export function personName(people: Map<string, Person>, id: string | null | undefined): string {
  return (id && people.get(id)?.name) || t("taskforce.person.unknown");
}

/** How many organisations the RACI editor offers; a coalition with more is listed by name up to here. */
const ORGANISATION_CHOICES = 500;

/**
 * Organisations of this coalition among `ids`, by id, with their names. The scoped client
 * finds no other coalition's, so an id from elsewhere is simply missing; malformed ids are
 * dropped before they reach Prisma.
 */
export async function organisationsByIds(db: Db, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)].filter((id) => z.uuid().safeParse(id).success);
  if (!unique.length) return new Map();
  const rows = await db.organisation.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The coalition's organisations, by name, that may hold a role on a deliverable. */
export function coalitionOrganisations(db: Db) {
  return db.organisation.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], take: ORGANISATION_CHOICES, select: { id: true, name: true } });
}

/** A coalition member (who may see taskforces) by email address, or null. Emails are stored lowercase. */
export async function coalitionMemberByEmail(db: Db, email: string): Promise<Person | null> {
  const row = await db.membership.findFirst({
    where: { user: { email: email.toLowerCase() }, role: { not: "STAKEHOLDER" } },
    select: { userId: true, user: { select: { name: true, email: true } } },
  });
  return row ? { id: row.userId, name: row.user.name, email: row.user.email } : null;
}

// Form fields, with the plugin's messages.
const label = (key: MessageKey) => t(key).toLowerCase();

export function requiredText(field: MessageKey, max: number) {
  return z
    .string(t("taskforce.form.required", { field: label(field) }))
    .trim()
    .min(1, t("taskforce.form.required", { field: label(field) }))
    .max(max, t("taskforce.form.tooLong", { field: label(field), max }));
}

export function optionalText(field: MessageKey, max: number) {
  return z
    .string()
    .trim()
    .max(max, t("taskforce.form.tooLong", { field: label(field), max }))
    .optional()
    .transform((v) => v ?? "");
}

export const email = z
  .string(t("taskforce.form.email"))
  .trim()
  .toLowerCase()
  .pipe(z.email(t("taskforce.form.email")).max(254, t("taskforce.form.email")));

/** A calendar date typed as YYYY-MM-DD, kept as midnight UTC (the column is a DATE). */
function parseDay(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value && date.getUTCFullYear() >= 2000 && date.getUTCFullYear() <= 2200 ? date : null;
}

export function requiredDate(field: MessageKey) {
  return z
    .string(t("taskforce.form.required", { field: label(field) }))
    .trim()
    .min(1, t("taskforce.form.required", { field: label(field) }))
    .transform((v, c) => {
      const day = parseDay(v);
      if (!day) {
        c.addIssue({ code: "custom", message: t("taskforce.form.date", { field: label(field) }) });
        return z.NEVER;
      }
      return day;
    });
}

export function optionalDate(field: MessageKey) {
  return z
    .string()
    .trim()
    .optional()
    .transform((v, c) => {
      if (!v) return null;
      const day = parseDay(v);
      if (!day) {
        c.addIssue({ code: "custom", message: t("taskforce.form.date", { field: label(field) }) });
        return z.NEVER;
      }
      return day;
    });
}

/** Date columns as the YYYY-MM-DD the page shows and the form takes. */
export function day(date: Date | null | undefined): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
