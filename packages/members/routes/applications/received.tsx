import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { membersT, useMembersT } from "../../src/i18n.ts";
import { visitor, type RouteArgs } from "../../src/applications/access.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Commons` }];

/** Where the form leads once sent: what happens next. */
export async function loader(args: RouteArgs) {
  return visitor(args, async ({ tenant, nav, person }) => ({
    title: membersT(person?.locale)("members.applications.received.title"),
    coalition: tenant.name,
    member: nav,
  }));
}

export default function Received() {
  const t = useMembersT();
  const { title, coalition } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="narrow">
      <h1>{title}</h1>
      <p className="lede">{t("members.applications.received.lede", { coalition })}</p>
      <h2>{t("members.applications.received.next")}</h2>
      <ol>
        <li>{t("members.applications.received.step1")}</li>
        <li>{t("members.applications.received.step2")}</li>
        <li>{t("members.applications.received.step3")}</li>
      </ol>
    </main>
  );
}
