import { z } from "zod";
import { notFound, withModule, type RequestContext } from "@commons/plugin-sdk/server";
import members from "../../manifest.ts";
import { PAGE_SIZE, PERMISSIONS } from "../constants.ts";
import type { Ctx } from "./run.server.ts";

export interface ImportRouteArgs {
  request: Request;
  context: unknown;
  params: Record<string, string | undefined>;
}

/** Every import page and action: signed in, a member of this coalition, members:manage held; else 404. */
export function withImportAccess<T>(args: ImportRouteArgs, work: (ctx: Ctx) => Promise<T>): Promise<T> {
  return withModule({ request: args.request, context: args.context as RequestContext, params: args.params }, members, PERMISSIONS.manage, work);
}

/** The import of this coalition named in the URL (the scoped client finds no other's), or 404. */
export async function findImport(ctx: Ctx, importId: string | undefined) {
  if (!z.uuid().safeParse(importId).success) throw notFound();
  const found = await ctx.db.membersImport.findFirst({ where: { id: importId } });
  if (!found) throw notFound();
  return found;
}

/** ?page=N (1 when absent or nonsense) and how many pages `total` items fill. */
export function paging(request: Request, total: number) {
  const asked = Number(new URL(request.url).searchParams.get("page") ?? 1);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, pages) : 1;
  return { page, pages, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE };
}
