import { z } from "zod";
import { notFound, withModule, type ModuleContext, type RequestContext } from "@commons/plugin-sdk/server";
import consultations from "../../manifest.ts";
import type { settings } from "../settings.ts";

export type Ctx = ModuleContext<typeof settings>;
export type Db = Ctx["db"];

/** What a loader or action is called with (the portal's load context satisfies RequestContext). */
export interface RouteArgs {
  request: Request;
  context: unknown;
  params: Record<string, string | undefined>;
}

/** Every follow-area route starts here: signed in, a member of this coalition, the permission held. */
export function guard<T>(args: RouteArgs, permission: string, work: (ctx: Ctx) => Promise<T>): Promise<T> {
  return withModule({ request: args.request, context: args.context as RequestContext, params: args.params }, consultations, permission, work);
}

/** Ids come from URLs: anything but a UUID is a page that does not exist. */
export function requireId(value: unknown): string {
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw notFound();
  return parsed.data;
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

export type FollowedConsultation = Awaited<ReturnType<typeof findConsultation>>;
