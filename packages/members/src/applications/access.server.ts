import { notFound, withModule, withModuleVisitor, type RequestContext, type VisitorContext } from "@commons/plugin-sdk/server";
import members from "../../manifest.ts";
import { PERMISSIONS } from "../constants.ts";
import type { Ctx, Db, RouteArgs } from "../people/access.server.ts";
import type { settings } from "../settings.ts";

export type { Ctx, Db, RouteArgs } from "../people/access.server.ts";
export { pageCount, pageParam, requireId } from "../people/access.server.ts";
export type VisitorCtx = VisitorContext<typeof settings>;

const routeArgs = (args: RouteArgs) => ({ request: args.request, context: args.context as RequestContext, params: args.params });

/** The secretariat's pages: signed in, a member of the coalition holding members:manage; else 404. */
export function reviewer<T>(args: RouteArgs, work: (ctx: Ctx) => Promise<T>): Promise<T> {
  return withModule(routeArgs(args), members, PERMISSIONS.manage, work);
}

/** The public pages (the form, the answer link): anyone; 404 while the coalition takes no applications. */
export function visitor<T>(args: RouteArgs, work: (ctx: VisitorCtx) => Promise<T>): Promise<T> {
  return withModuleVisitor(routeArgs(args), members, async (ctx) => {
    if (!ctx.settings.acceptApplications) throw notFound();
    return work(ctx);
  });
}

/** An entry of the coalition's activity record about one application, in the caller's transaction. */
export function recordApplicationActivity(db: Db, tenantId: string, actorId: string | null, what: string, applicationId: string, data: Record<string, string | null>) {
  return db.activity.create({
    data: { tenantId, actorId, action: `members.application.${what}`, subjectType: "membership_application", subjectId: applicationId, data },
  });
}

/** A name compared as people read it: case and repeated spaces do not make another organisation. */
export function sameName(name: string) {
  return { equals: name.replace(/\s+/g, " ").trim(), mode: "insensitive" as const };
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
