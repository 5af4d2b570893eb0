import { guardFor, notFound, type ModuleContext } from "@commons/plugin-sdk/server";
import members from "../../manifest.ts";
import { PAGE_SIZE } from "../constants.ts";
import type { settings } from "../settings.ts";

export type Ctx = ModuleContext<typeof settings>;
export type Db = Ctx["db"];

/** Every people-area route starts here: signed in, a member, the permission held (null: any member). */
export const guard = guardFor(members);
export { requireId, type ModuleRouteArgs as RouteArgs } from "@commons/plugin-sdk/server";

export function pageParam(request: Request, name = "page"): number {
  const page = Number(new URL(request.url).searchParams.get(name) ?? 1);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/** One entry of the coalition's activity record, in the caller's transaction. */
export function recordActivity(
  ctx: Pick<Ctx, "db" | "tenant" | "person">,
  action: `members.${string}` | `member.${string}`,
  subject: { type: string; id: string },
  data: Record<string, string | boolean | null>,
) {
  return ctx.db.activity.create({
    data: { tenantId: ctx.tenant.id, actorId: ctx.person.id, action, subjectType: subject.type, subjectId: subject.id, data },
  });
}

/**
 * Locks the coalition's secretariat admin memberships until the transaction ends and
 * returns their user ids. Two admins demoting (or removing) each other at the same moment
 * queue here: the second sees the first's change and is refused if it would leave no admin.
 */
export async function lockAdmins(db: Db, tenantId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ user_id: string }[]>`
    SELECT user_id::text FROM memberships
    WHERE tenant_id = ${tenantId}::uuid AND role = 'SECRETARIAT_ADMIN'
    ORDER BY id
    FOR UPDATE`;
  return rows.map((r) => r.user_id);
}

/** Would taking `userId` out of the admins leave the coalition without one? Call after lockAdmins. */
export function isLastAdmin(admins: readonly string[], userId: string): boolean {
  return admins.includes(userId) && admins.length <= 1;
}

/** The coalition's organisations for a select, by name (a coalition has tens to a few thousand). */
export function organisationChoices(db: Db) {
  return db.organisation.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], take: 2000, select: { id: true, name: true } });
}

/** A member of this coalition by user id (the scoped client finds no other coalition's), or 404. */
export async function findMember(db: Db, userId: string) {
  const membership = await db.membership.findFirst({
    where: { userId },
    select: {
      id: true,
      role: true,
      title: true,
      createdAt: true,
      organisationId: true,
      organisation: { select: { id: true, name: true } },
      user: { select: { id: true, name: true, email: true, phone: true } },
    },
  });
  if (!membership) throw notFound();
  return membership;
}

/** An organisation of this coalition, or 404. */
export async function findOrganisation(db: Db, organisationId: string) {
  const organisation = await db.organisation.findFirst({
    where: { id: organisationId },
    select: { id: true, name: true, status: true, statusChangedAt: true },
  });
  if (!organisation) throw notFound();
  return organisation;
}

/** Names of people by id, through this coalition's memberships only. */
export async function namesByIds(db: Db, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const unique = [...new Set([...ids].filter((id): id is string => !!id))];
  if (!unique.length) return new Map();
  const rows = await db.membership.findMany({ where: { userId: { in: unique } }, select: { userId: true, user: { select: { name: true } } } });
  return new Map(rows.map((r) => [r.userId, r.user.name]));
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
