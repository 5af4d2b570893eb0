import type { MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { readForm } from "@commons/plugin-sdk/forms";
import { Notice } from "@commons/ui";
import { findConsultation, requireId, secretariatGuard, type RouteArgs } from "../../src/drafting/access.server.ts";
import { ConsultationHeader } from "../../src/drafting/components.tsx";
import { DetailsForm, detailsValues, type DetailsFailure } from "../../src/drafting/details-form.tsx";
import { detailsPage, saveDetails } from "../../src/drafting/details-page.server.ts";
import { draftingT, useDraftingT } from "../../src/drafting/i18n.ts";
import { draftingLinks } from "../../src/drafting/styles.ts";

export const links = draftingLinks;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? draftingT()("consultations.drafting.edit.title", { title: data.title }) : ""} · Commons` }];

export async function loader(args: RouteArgs) {
  const id = requireId(args.params.consultationId);
  return secretariatGuard(args, async (ctx) => {
    const consultation = await findConsultation(ctx.db, id);
    return { id, title: consultation.title, audienceKind: consultation.audienceKind, ...(await detailsPage(ctx, consultation)) };
  });
}

export async function action(args: RouteArgs) {
  const id = requireId(args.params.consultationId);
  const form = await readForm(args.request);
  return secretariatGuard(args, (ctx) => saveDetails(ctx, form, id));
}

export default function EditConsultation() {
  const t = useDraftingT();
  const page = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as DetailsFailure | undefined;
  const [search] = useSearchParams();
  const base = `/c/${page.slug}/consultations`;
  return (
    <main id="main">
      <ConsultationHeader t={t} base={base} id={page.id} title={t("consultations.drafting.edit.title", { title: page.title })} status={page.status} current="edit" picked={page.audienceKind === "PICKED"} />
      {search.get("saved") && !failure ? <Notice tone="success">{t("consultations.drafting.form.saved")}</Notice> : null}
      {page.status === "SCHEDULED" ? <Notice>{t("consultations.drafting.open.scheduled", { opensAt: `${page.values.opensAt.replace("T", " ")} ${page.zone}` })}</Notice> : null}
      <DetailsForm t={t} values={detailsValues(page.values, failure)} failure={failure} status={page.status} choices={page.choices} zone={page.zone} pickedCount={page.pickedCount} submitLabel={t("consultations.drafting.form.save")} />
    </main>
  );
}
