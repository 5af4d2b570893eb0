import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { withAccount } from "@commons/db";
import { Notice } from "@commons/ui";
import { useT } from "../lib/i18n.ts";
import { getSession } from "../lib/session.server.ts";

export const meta: MetaFunction = () => [{ title: "Commons" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await getSession(request, context);
  if (!session) return { coalitions: null };
  const userId = session.user.id;
  // A person's own memberships across coalitions: the memberships policy allows exactly these.
  const coalitions = await withAccount(userId, (db) =>
    db.$queryRaw<{ slug: string; name: string; role: string }[]>`
      SELECT t.slug, t.name, m.role::text AS role
        FROM memberships m JOIN tenants t ON t.id = m.tenant_id
       WHERE m.user_id = ${userId}::uuid
       ORDER BY t.name`,
  );
  return { coalitions };
}

export default function Home() {
  const t = useT();
  const { coalitions } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  if (!coalitions) {
    return (
      <main id="main">
        {params.get("signedOut") ? <Notice tone="success">{t("auth.signedOut")}</Notice> : null}
        <h1>{t("home.anon.title")}</h1>
        <p className="lede">{t("home.anon.body")}</p>
        <p>
          <Link to="/sign-in">{t("nav.signIn")}</Link> · <Link to="/register">{t("nav.register")}</Link>
        </p>
      </main>
    );
  }
  return (
    <main id="main">
      <h1>{t("home.title")}</h1>
      {coalitions.length === 0 ? (
        <p>{t("home.none")}</p>
      ) : (
        <ul className="cards">
          {coalitions.map((c) => (
            <li key={c.slug} className="card">
              <h2 className="card__title">
                <Link to={`/c/${c.slug}/home`}>{c.name}</Link>
              </h2>
              <p className="muted">{t(`role.${c.role}` as "role.MEMBER")}</p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
