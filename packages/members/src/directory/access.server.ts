import { notFound, withModule, withModuleVisitor, type ModulePerson, type ModuleRouteArgs as RouteArgs, type RequestContext, type VisitorContext } from "@commons/plugin-sdk/server";
import members from "../../manifest.ts";
import { PERMISSIONS } from "../constants.ts";
import type { settings } from "../settings.ts";

export type DirectoryCtx = VisitorContext<typeof settings>;
export type Db = DirectoryCtx["db"];

export { requireId, type ModuleRouteArgs as RouteArgs } from "@commons/plugin-sdk/server";

/**
 * How much of the directory a person sees:
 * - "public": anyone, while the coalition publishes its directory (organisations only);
 * - "member": holders of members:directory (people's names and titles too);
 * - "manager": the secretariat (members:manage): contacts, status history, people export.
 * Contacts of one's own organisation are decided per organisation (`seesContacts`).
 */
export type DirectoryLevel = "public" | "member" | "manager";

export interface Viewer {
  level: DirectoryLevel;
  person: ModulePerson | null;
}

/**
 * Every directory page starts here. Members with members:directory come in; anyone else
 * only while the directory is public. A stakeholder, a visitor, or someone of another
 * coalition at a private directory get the same 404 as a page that does not exist.
 */
export function directoryGuard<T>(args: RouteArgs, work: (ctx: DirectoryCtx, viewer: Viewer) => Promise<T>): Promise<T> {
  return withModuleVisitor({ request: args.request, context: args.context as RequestContext, params: args.params }, members, async (ctx) => {
    const viewer = viewerOf(ctx);
    if (!viewer) throw notFound();
    return work(ctx, viewer);
  });
}

/** For pages only members use (editing): signed-out visitors go to sign in first, then the same rules. */
export function directoryMemberGuard<T>(args: RouteArgs, work: (ctx: DirectoryCtx, viewer: Viewer) => Promise<T>): Promise<T> {
  return withModule({ request: args.request, context: args.context as RequestContext, params: args.params }, members, null, async (ctx) => {
    const viewer = viewerOf(ctx);
    if (!viewer) throw notFound();
    return work(ctx, viewer);
  });
}

export function viewerOf(ctx: Pick<DirectoryCtx, "can" | "person" | "settings">): Viewer | null {
  if (ctx.person && ctx.can(PERMISSIONS.manage)) return { level: "manager", person: ctx.person };
  if (ctx.person && ctx.can(PERMISSIONS.directory)) return { level: "member", person: ctx.person };
  if (ctx.settings.publicDirectory) return { level: "public", person: ctx.person };
  return null;
}

/** The secretariat, or a focal point of this very organisation. */
export function canEditOrganisation(ctx: Pick<DirectoryCtx, "can" | "person">, organisationId: string): boolean {
  if (!ctx.person) return false;
  if (ctx.can(PERMISSIONS.manage)) return true;
  return ctx.can(PERMISSIONS.ownOrganisation) && ctx.person.organisationId === organisationId;
}

/** People's emails and phones: the secretariat, and the organisation's own people. */
export function seesContacts(viewer: Viewer, organisationId: string): boolean {
  return viewer.level === "manager" || (viewer.level === "member" && viewer.person?.organisationId === organisationId);
}

/** Organisations the directory lists and profiles show: applicants and those who left are not. */
export const LISTED_STATUSES = ["ACTIVE", "SUSPENDED"] as const;

/** One organisation of this coalition that the directory shows, or 404. */
export async function findListedOrganisation(db: Db, id: string) {
  const organisation = await db.organisation.findFirst({ where: { id, status: { in: [...LISTED_STATUSES] } } });
  if (!organisation) throw notFound();
  return organisation;
}
