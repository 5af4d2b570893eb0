import type { MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { readForm } from "@commons/plugin-sdk/forms";
import { secretariatGuard, type RouteArgs } from "../../src/drafting/access.server.ts";
import { DetailsForm, detailsValues, type DetailsFailure } from "../../src/drafting/details-form.tsx";
import { detailsPage, saveDetails } from "../../src/drafting/details-page.server.ts";
import { draftingT, useDraftingT } from "../../src/drafting/i18n.ts";
import { draftingLinks } from "../../src/drafting/styles.ts";

export const links = draftingLinks;
export const meta: MetaFunction = () => [{ title: `${draftingT()("consultations.drafting.new.title")} · Commons` }];

export async function loader(args: RouteArgs) {
  return secretariatGuard(args, (ctx) => detailsPage(ctx, null));
}

export async function action(args: RouteArgs) {
  const form = await readForm(args.request);
  return secretariatGuard(args, (ctx) => saveDetails(ctx, form, null));
}

export default function NewConsultation() {
  const t = useDraftingT();
  const page = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as DetailsFailure | undefined;
  return (
    <main id="main">
      <p>
        <Link to={`/c/${page.slug}/consultations`}>{t("consultations.drafting.back")}</Link>
      </p>
      <h1>{t("consultations.drafting.new.title")}</h1>
      <DetailsForm t={t} values={detailsValues(page.values, failure)} failure={failure} status="DRAFT" choices={page.choices} zone={page.zone} pickedCount={0} submitLabel={t("consultations.drafting.form.create")} />
    </main>
  );
}
