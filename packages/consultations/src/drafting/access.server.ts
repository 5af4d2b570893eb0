import { notFound, withModule, type RequestContext } from "@commons/plugin-sdk/server";
import consultations from "../../manifest.ts";
import { requireUuid, type ConsultationRouteArgs, type ConsultationsCtx } from "../access.server.ts";
import { PERMISSIONS } from "../constants.ts";

export type DraftingCtx = ConsultationsCtx;
export type Db = DraftingCtx["db"];
export type RouteArgs = ConsultationRouteArgs;

/** An id from the URL or a form: a uuid, or the page does not exist. */
export const requireId = (value: string | undefined | null) => requireUuid(value);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

const argsOf = (args: RouteArgs) => ({ request: args.request, context: args.context as RequestContext, params: args.params });

/** Pages of the secretariat (consultations:manage); everyone else gets the 404 of a page that does not exist. */
export function secretariatGuard<T>(args: RouteArgs, work: (ctx: DraftingCtx) => Promise<T>): Promise<T> {
  return withModule(argsOf(args), consultations, PERMISSIONS.manage, work);
}

/** Pages of anyone who takes part (the secretariat included); per-record access is the page's own check. */
export function takePartGuard<T>(args: RouteArgs, work: (ctx: DraftingCtx) => Promise<T>): Promise<T> {
  return withModule(argsOf(args), consultations, PERMISSIONS.takePart, work);
}

export const CONSULTATION_SELECT = {
  id: true, title: true, purpose: true, background: true, status: true,
  audienceKind: true, audienceRegions: true, audienceSectors: true, audienceThemes: true, audienceOrganisationIds: true,
  includeStakeholders: true, mode: true, visibility: true, opensAt: true, deadline: true, reminderHours: true, openedAt: true, closedAt: true,
} as const;

/** The consultation with this id in this coalition, or 404. */
export async function findConsultation(db: Db, id: string) {
  const consultation = await db.consultation.findFirst({ where: { id }, select: CONSULTATION_SELECT });
  if (!consultation) throw notFound();
  return consultation;
}

export type DraftedConsultation = Awaited<ReturnType<typeof findConsultation>>;

/**
 * Serialises changes to one consultation's questions, audience and status: an add, a move
 * and the opening never interleave, so positions stay contiguous and nothing changes the
 * questions of a consultation that has just opened.
 */
export async function lockConsultation(db: Db, id: string) {
  await db.$executeRaw`SELECT 1 FROM (SELECT id FROM consultations WHERE id = ${id}::uuid FOR UPDATE) AS locked`;
  return findConsultation(db, id);
}

/** Questions and audience are fixed once the consultation is opened (or scheduled to open): answers depend on them. */
export function isLocked(status: DraftedConsultation["status"]): boolean {
  return status !== "DRAFT";
}
