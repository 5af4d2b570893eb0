import path from "node:path";
import { fileURLToPath } from "node:url";
import { index, route, type RouteConfig } from "@remix-run/route-config";
import { assertModules, moduleFile, type Module, type RouteDefinition } from "@commons/plugin-sdk";
import { MODULES, PORTAL_VERSION } from "../modules.config.ts";

// A manifest that conflicts with another, or with this portal, stops the build here with a
// message naming the module (packages/plugin-sdk/src/validate.ts).
assertModules(MODULES, PORTAL_VERSION, { checkFiles: true });

const appDirectory = path.dirname(fileURLToPath(import.meta.url));

/** A module's routes, mounted under the coalition: /c/:tenant/<prefix>/<path>. */
function mount(module: Module, prefix: string, routes: readonly RouteDefinition[] = []) {
  return routes.map((r) => route([prefix, r.path].filter(Boolean).join("/"), path.relative(appDirectory, moduleFile(module, r.file))));
}

// Every URL of the portal; modules' routes join the coalition's own below.
export default [
  index("routes/home.tsx"),
  route("_baseline", "routes/baseline.tsx"),
  route("register", "routes/register.tsx"),
  route("verify-email/:token", "routes/verify-email.tsx"),
  route("sign-in", "routes/sign-in.tsx"),
  route("sign-out", "routes/sign-out.tsx"),
  route("forgot-password", "routes/forgot-password.tsx"),
  route("reset-password/:token", "routes/reset-password.tsx"),
  route("account", "routes/account.tsx"),
  route("admin", "routes/admin/coalitions.tsx"),
  route("dev/mailbox", "routes/dev-mailbox.tsx"),
  route("c/:tenant", "routes/tenant/layout.tsx", [
    index("routes/tenant/overview.tsx"),
    route("home", "routes/tenant/home.tsx"),
    route("join/:token", "routes/tenant/join.tsx"),
    route("admin/activity", "routes/tenant/activity.tsx"),
    route("admin/invitations", "routes/tenant/invitations.tsx"),
    route("admin/modules", "routes/tenant/modules.tsx"),
    ...MODULES.flatMap((m) => [...mount(m, m.id, m.routes), ...mount(m, `admin/${m.id}`, m.adminRoutes)]),
  ]),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
