import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "../../lib/i18n.ts";
import { organisationCount } from "../../lib/tenant-stats.server.ts";
import { withMember } from "../../lib/tenant.server.ts";

export const meta: MetaFunction = () => [{ title: "Overview · Commons" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return withMember(request, context, params, null, async ({ db, tenant, session, membership, permissions, nav }) => {
    const organisations = await organisationCount(db, tenant.id);
    return {
      tenant: { slug: tenant.slug, name: tenant.name },
      person: session.user.name,
      role: membership.role,
      organisations,
      can: { activity: permissions.has("activity:read"), invite: permissions.has("member:invite") },
      member: nav,
    };
  });
}

export default function TenantHome() {
  const t = useT();
  const { tenant, person, role, organisations, can } = useLoaderData<typeof loader>();
  const base = `/c/${tenant.slug}`;
  return (
    <main id="main">
      <h1>{t("tenant.overview.title", { coalition: tenant.name })}</h1>
      <p className="lede">{t("home.welcome", { name: person })}</p>
      <p>{t("tenant.overview.yourRole", { role: t(`role.${role}`) })}</p>
      {role !== "STAKEHOLDER" ? <p>{t("tenant.members", { count: organisations })}</p> : null}
      <ul className="cards">
        {can.invite ? (
          <li className="card">
            <h2>
              <Link to={`${base}/admin/invitations`}>{t("nav.invitations")}</Link>
            </h2>
          </li>
        ) : null}
        {can.activity ? (
          <li className="card">
            <h2>
              <Link to={`${base}/admin/activity`}>{t("nav.activity")}</Link>
            </h2>
          </li>
        ) : null}
      </ul>
    </main>
  );
}
