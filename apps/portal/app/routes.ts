import { index, route, type RouteConfig } from "@remix-run/route-config";

// Every URL of the portal. Modules will add theirs under /c/:tenant/<module>/ here.
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
  ]),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
