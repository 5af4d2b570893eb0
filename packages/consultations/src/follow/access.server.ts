import { notFound } from "@commons/plugin-sdk/server";
import { guardConsultations, type ConsultationRouteArgs, type ConsultationsCtx } from "../access.server.ts";
import { tabLabels } from "../drafting/components.tsx";
import { draftingT } from "../drafting/i18n.ts";

export { requireUuid as requireId } from "../access.server.ts";

export type Ctx = ConsultationsCtx;
export type Db = Ctx["db"];
export type RouteArgs = ConsultationRouteArgs;

/** The secretariat's follow-area routes start here: signed in, a member of this coalition, the permission held. */
export function guard<T>(args: RouteArgs, permission: string, work: (ctx: Ctx) => Promise<T>): Promise<T> {
  return guardConsultations(args, permission, work);
}

export function pageParam(url: URL, name = "page"): number {
  const page = Number(url.searchParams.get(name) ?? 1);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

const CONSULTATION_SELECT = {
  id: true,
  title: true,
  status: true,
  mode: true,
  visibility: true,
  audienceKind: true,
  deadline: true,
  openedAt: true,
  closedAt: true,
  statement: true,
  commitments: true,
  statementPublishedAt: true,
} as const;

/** This coalition's consultation (the scoped client sees no other), or 404. */
export async function findConsultation(db: Db, consultationId: string) {
  const consultation = await db.consultation.findUnique({ where: { id: consultationId }, select: CONSULTATION_SELECT });
  if (!consultation) throw notFound();
  return consultation;
}

/** What a secretariat page of the follow area needs for the consultation's tab bar (ConsultationTabs). */
export function consultationTabs(locale: string, consultation: { audienceKind: string }) {
  return { labels: tabLabels(draftingT(locale)), picked: consultation.audienceKind === "PICKED" };
}
