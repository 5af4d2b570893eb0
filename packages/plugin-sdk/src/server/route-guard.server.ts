import { z } from "zod";
import type { Module } from "../manifest.ts";
import { withModule, type ModuleContext } from "./module-access.server.ts";
import { notFound, type RequestContext } from "./request.server.ts";

/** What a module's loader or action is called with (the portal's load context satisfies RequestContext). */
export interface ModuleRouteArgs {
  request: Request;
  context: unknown;
  params: Record<string, string | undefined>;
}

/**
 * A module's route guard, bound to its manifest: `guard(args, permission, work)` is
 * `withModule` for a route's own arguments. Every module page starts with one.
 */
export function guardFor<Settings extends z.ZodObject>(module: Module<Settings>) {
  return <T>(args: ModuleRouteArgs, permission: string | null, work: (ctx: ModuleContext<Settings>) => Promise<T>): Promise<T> =>
    withModule({ request: args.request, context: args.context as RequestContext, params: args.params }, module, permission, work);
}

/**
 * Ids come from URLs and hidden fields: anything but a UUID is a page that does not exist
 * (a 404, never a 500 from the database). Lower-cased, so one id has one spelling.
 */
export function requireId(value: unknown): string {
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw notFound();
  return parsed.data.toLowerCase();
}
