import { data, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { withModuleVisitor, type RequestContext, type VisitorContext } from "@commons/plugin-sdk/server";
import { Button, Notice } from "@commons/ui";
import forums from "../../manifest.ts";
import type { RouteArgs } from "../../src/access.server.ts";
import type { settings } from "../../src/settings.ts";
import { notificationsT, useNotificationsT } from "../../src/notifications/i18n.ts";
import { applyUnsubscribe, describeUnsubscribe, readUnsubscribeToken } from "../../src/notifications/unsubscribe.server.ts";

export const meta: MetaFunction = () => [{ title: `${notificationsT()("forums.notifications.unsubscribe.title")} · Commons` }, { name: "robots", content: "noindex" }];

/**
 * One-click unsubscribe (RFC 8058): mail providers POST here with no session, so the signed
 * token is the only proof; a person who opens the link gets a page with one button (a GET
 * never changes anything). A token of another coalition, or one altered, is refused with 400;
 * the same token twice finds the email already off.
 */
function visit<T>(args: RouteArgs, work: (ctx: VisitorContext<typeof settings>) => Promise<T>) {
  return withModuleVisitor({ request: args.request, context: args.context as RequestContext, params: args.params }, forums, work);
}

async function tokenOf(request: Request): Promise<string | null> {
  const fromUrl = new URL(request.url).searchParams.get("token");
  if (fromUrl || request.method === "GET") return fromUrl;
  // The page's own button sends it in the form as well.
  const form = await request.formData().catch(() => null);
  const fromForm = form?.get("token");
  return typeof fromForm === "string" ? fromForm : null;
}

export async function loader(args: RouteArgs) {
  const token = await tokenOf(args.request);
  return visit(args, async ({ db, tenant, nav }) => {
    const claims = readUnsubscribeToken(token);
    const names = claims && claims.tenantId === tenant.id ? await describeUnsubscribe(db, claims.what) : null;
    if (!claims || !names) return data({ valid: false as const, slug: tenant.slug, member: nav }, { status: 400 });
    return { valid: true as const, slug: tenant.slug, token: token!, kind: claims.what.kind, coalition: tenant.name, ...names, member: nav };
  });
}

export async function action(args: RouteArgs) {
  const token = await tokenOf(args.request);
  return visit(args, async ({ db, tenant }) => {
    const claims = readUnsubscribeToken(token);
    const names = claims && claims.tenantId === tenant.id ? await describeUnsubscribe(db, claims.what) : null;
    if (!claims || !names) return data({ done: false as const }, { status: 400 });
    // Someone who has left the coalition has nothing left to turn off.
    const member = await db.membership.findFirst({ where: { userId: claims.userId }, select: { id: true } });
    if (member) await applyUnsubscribe(db, tenant.id, claims.userId, claims.what);
    return { done: true as const };
  });
}

type Page = { valid: false; slug: string } | { valid: true; slug: string; token: string; kind: "thread" | "forum" | "digest"; coalition: string; forum: string; thread: string };

export default function Unsubscribe() {
  const t = useNotificationsT();
  const page = useLoaderData<typeof loader>() as Page;
  const result = useActionData<typeof action>() as { done: boolean } | undefined;
  const manage = `/c/${page.slug}/forums/notifications`;
  if (!page.valid || result?.done === false) {
    return (
      <main id="main">
        <h1>{t("forums.notifications.unsubscribe.title")}</h1>
        <Notice tone="warning">{t("forums.notifications.unsubscribe.invalid")}</Notice>
        <p>
          <Link to={manage}>{t("forums.notifications.unsubscribe.manage")}</Link>
        </p>
      </main>
    );
  }
  const what =
    page.kind === "thread"
      ? t("forums.notifications.unsubscribe.thread", { thread: page.thread, forum: page.forum })
      : page.kind === "forum"
        ? t("forums.notifications.unsubscribe.forum", { forum: page.forum })
        : t("forums.notifications.unsubscribe.digest", { coalition: page.coalition });
  return (
    <main id="main">
      <h1>{t("forums.notifications.unsubscribe.title")}</h1>
      {result?.done ? (
        <Notice tone="success">{t("forums.notifications.unsubscribe.done")}</Notice>
      ) : (
        <>
          <p>{what}</p>
          <Form method="post" action={`?token=${encodeURIComponent(page.token)}`}>
            <input type="hidden" name="token" value={page.token} />
            <Button>{t("forums.notifications.unsubscribe.submit")}</Button>
          </Form>
        </>
      )}
      <p>
        <Link to={manage}>{t("forums.notifications.unsubscribe.manage")}</Link>
      </p>
    </main>
  );
}
