import type { MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { readForm } from "@commons/plugin-sdk/forms";
import { formError } from "@commons/plugin-sdk/forms/server";
import { Button, Notice } from "@commons/ui";
import { PERMISSIONS } from "../../src/constants.ts";
import { findConsultation, guard, requireId, type RouteArgs } from "../../src/follow/access.server.ts";
import { followT, useFollowT } from "../../src/follow/i18n.ts";
import { storeResultsSnapshot } from "../../src/follow/results.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${followT()("consultations.follow.close.title", { title: data?.consultation.title ?? "" })} · Commons` }];

/** The confirmation step of "Close now": a page of its own, so it works without JavaScript. */
export async function loader(args: RouteArgs) {
  const consultationId = requireId(args.params.consultationId);
  return guard(args, PERMISSIONS.manage, async ({ db, tenant, nav }) => {
    const consultation = await findConsultation(db, consultationId);
    const counts = await db.consultationsResponse.groupBy({ by: ["status"], where: { consultationId }, _count: { _all: true } });
    const count = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0;
    return {
      slug: tenant.slug,
      consultation: { id: consultation.id, title: consultation.title, open: consultation.status === "OPEN" },
      submitted: count("SUBMITTED"),
      drafts: count("DRAFT"),
      member: nav,
    };
  });
}

/** Closes at once: answering ends (late answers are refused from now on); the statement can then be published. */
export async function action(args: RouteArgs) {
  const consultationId = requireId(args.params.consultationId);
  const form = await readForm(args.request);
  return guard(args, PERMISSIONS.manage, async ({ db, tenant, person }) => {
    const t = followT(person.locale);
    await findConsultation(db, consultationId);
    if (form.get("intent") !== "close") return formError(form, t("consultations.follow.unknownAction"));
    // Only if still open: a second click, or the closing job meanwhile, changes nothing.
    const closed = await db.consultation.updateMany({ where: { id: consultationId, status: "OPEN" }, data: { status: "CLOSED", closedAt: new Date() } });
    if (closed.count !== 1) return formError(form, t("consultations.follow.close.notOpen"), 409);
    // The answers are final now: aggregate them once, in this transaction, for every later view.
    await storeResultsSnapshot(db, tenant.id, consultationId);
    return redirect(`/c/${tenant.slug}/consultations/${consultationId}/follow?notice=closed`);
  });
}

export default function ClosePage() {
  const t = useFollowT();
  const { slug, consultation, submitted, drafts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { ok: false; formError?: string } | undefined;
  const follow = `/c/${slug}/consultations/${consultation.id}/follow`;
  return (
    <main id="main">
      <h1>{t("consultations.follow.close.title", { title: consultation.title })}</h1>
      {result?.formError ? <Notice tone="warning">{result.formError}</Notice> : null}
      {consultation.open ? (
        <>
          <p>
            {t("consultations.follow.close.submitted", { count: submitted })} {drafts ? t("consultations.follow.close.drafts", { count: drafts }) : null}
          </p>
          <p>
            <strong>{t("consultations.follow.close.final")}</strong>
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="close" />
            <p className="button-row">
              <Button>{t("consultations.follow.close.confirm")}</Button> <Link to={follow}>{t("consultations.follow.close.cancel")}</Link>
            </p>
          </Form>
        </>
      ) : (
        <>
          <p>{t("consultations.follow.close.notOpen")}</p>
          <p>
            <Link to={follow}>{t("consultations.follow.back")}</Link>
          </p>
        </>
      )}
    </main>
  );
}
