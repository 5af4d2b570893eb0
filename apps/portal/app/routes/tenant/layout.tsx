import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useMatches } from "@remix-run/react";
import { useT } from "../../lib/i18n.ts";
import type { MemberNav } from "../../lib/tenant.server.ts";
import { requireTenant } from "../../lib/tenant.server.ts";

// Knows only the coalition (cached): the page below returns the person's role as `member`,
// from the same transaction that checked it — module pages too (withModule's `nav`). Remix
// runs loaders in parallel, so a layout loader could not guard its children anyway; each
// page checks access itself.
export async function loader({ params }: LoaderFunctionArgs) {
  const tenant = await requireTenant(params);
  return { tenant: { slug: tenant.slug, name: tenant.name } };
}

function useMemberNav(): MemberNav | null {
  for (const match of [...useMatches()].reverse()) {
    const member = (match.data as { member?: MemberNav | null } | undefined)?.member;
    if (member) return member;
  }
  return null;
}

export default function TenantLayout() {
  const t = useT();
  const { tenant } = useLoaderData<typeof loader>();
  const member = useMemberNav();
  const base = `/c/${tenant.slug}`;
  return (
    <>
      <div className="tenant-bar">
        <div className="tenant-bar__inner">
          <span className="tenant-bar__name">{tenant.name}</span>
          {member ? (
            <nav aria-label={tenant.name}>
              <ul>
                <li>
                  <Link to={`${base}/home`}>{t("nav.coalitionHome")}</Link>
                </li>
                {member.modules.map((link) => (
                  <li key={link.href}>
                    <Link to={link.href}>{link.label}</Link>
                  </li>
                ))}
                {member.can.invite ? (
                  <li>
                    <Link to={`${base}/admin/invitations`}>{t("nav.invitations")}</Link>
                  </li>
                ) : null}
                {member.can.modules ? (
                  <li>
                    <Link to={`${base}/admin/modules`}>{t("nav.modules")}</Link>
                  </li>
                ) : null}
                {member.can.activity ? (
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
