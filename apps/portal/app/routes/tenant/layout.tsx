import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData } from "@remix-run/react";
import { useT } from "../../lib/i18n.ts";
import { tenantVisitor } from "../../lib/tenant.server.ts";

// Public: knows the coalition and the visitor's role there. Each child checks access itself
// (Remix runs loaders in parallel, so a layout loader cannot guard its children).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { tenant, membership, permissions } = await tenantVisitor(request, context, params);
  return {
    tenant: { slug: tenant.slug, name: tenant.name },
    role: membership?.role ?? null,
    can: { activity: permissions.has("activity:read"), invite: permissions.has("member:invite") },
  };
}

export default function TenantLayout() {
  const t = useT();
  const { tenant, role, can } = useLoaderData<typeof loader>();
  const base = `/c/${tenant.slug}`;
  return (
    <>
      <div className="tenant-bar">
        <div className="tenant-bar__inner">
          <span className="tenant-bar__name">{tenant.name}</span>
          {role ? (
            <nav aria-label={tenant.name}>
              <ul>
                <li>
                  <Link to={`${base}/home`}>{t("nav.coalitionHome")}</Link>
                </li>
                {can.invite ? (
                  <li>
                    <Link to={`${base}/admin/invitations`}>{t("nav.invitations")}</Link>
                  </li>
                ) : null}
                {can.activity ? (
                  <li>
                    <Link to={`${base}/admin/activity`}>{t("nav.activity")}</Link>
                  </li>
                ) : null}
                <li>
                  <Link to="/">{t("nav.switchCoalition")}</Link>
                </li>
              </ul>
            </nav>
          ) : null}
        </div>
      </div>
      <Outlet />
    </>
  );
}
