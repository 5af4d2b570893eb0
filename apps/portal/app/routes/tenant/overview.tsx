import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "../../lib/i18n.ts";
import { organisationCount } from "../../lib/tenant-stats.server.ts";
import { withVisitor } from "../../lib/tenant.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.name ?? ""} · Commons` }];

// A coalition's public page: readable by anyone, signed in or not.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return withVisitor(request, context, params, async ({ db, tenant, nav }) => ({
    slug: tenant.slug,
    name: tenant.name,
    description: tenant.description,
    organisations: await organisationCount(db, tenant.id),
    member: nav,
  }));
}

export default function Overview() {
  const t = useT();
  const { slug, name, description, organisations, member } = useLoaderData<typeof loader>();
  return (
    <main id="main">
      <h1>{name}</h1>
      <h2>{t("tenant.overview.public")}</h2>
      <p className="lede">{description}</p>
      <p>{t("tenant.members", { count: organisations })}</p>
      {member ? (
        <p>
          <Link to={`/c/${slug}/home`}>{t("nav.coalitionHome")}</Link>
        </p>
      ) : (
        <p className="muted">{t("tenant.signInToSeeMore")}</p>
      )}
    </main>
  );
}
