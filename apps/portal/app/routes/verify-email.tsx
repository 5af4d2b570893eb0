import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { consumeAccountToken, isAccountTokenUsable } from "@commons/auth";
import { withAccount } from "@commons/db";
import { Button, Notice } from "@commons/ui";
import { useT } from "../lib/i18n.ts";

export const meta: MetaFunction = () => [{ title: "Confirm your email address · Commons" }];

// Opening the link only shows a button: a GET never changes state (mail scanners open links).
export async function loader({ params }: LoaderFunctionArgs) {
  return { usable: await isAccountTokenUsable(params.token ?? "", "EMAIL_VERIFICATION") };
}

export async function action({ params }: ActionFunctionArgs) {
  const userId = await consumeAccountToken(params.token ?? "", "EMAIL_VERIFICATION");
  if (!userId) return { ok: false as const };
  await withAccount(userId, (db) => db.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } }));
  throw redirect("/sign-in?verified=1");
}

export default function VerifyEmail() {
  const t = useT();
  const { usable } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="narrow">
      <h1>{t("auth.verify.title")}</h1>
      {usable ? (
        <>
          <p>{t("auth.verify.body")}</p>
          <Form method="post">
            <Button>{t("auth.verify.submit")}</Button>
          </Form>
        </>
      ) : (
        <>
          <Notice tone="warning">{t("auth.token.invalid")}</Notice>
          <p>
            <Link to="/sign-in">{t("nav.signIn")}</Link>
          </p>
        </>
      )}
    </main>
  );
}
