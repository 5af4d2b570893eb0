import { data, redirect } from "@remix-run/node";
import { renderMarkdown } from "@commons/markdown";
import { formLists, formValues, validateForm } from "@commons/plugin-sdk/forms";
import { invalid } from "@commons/plugin-sdk/forms/server";
import { findConsultation, lockConsultation, type DraftedConsultation, type DraftingCtx } from "./access.server.ts";
import { audienceChoices, detailsData, detailsSchema, LIST_FIELDS, parseReminderHours, reminderHoursText } from "./details.server.ts";
import type { DetailsValues } from "./details-form.tsx";
import { draftingT } from "./i18n.ts";
import { safeZone, toLocalInput, zoneName } from "@commons/i18n";

/** What the new and edit pages need to draw the form. */
export async function detailsPage(ctx: DraftingCtx, consultation: DraftedConsultation | null) {
  const zone = safeZone(ctx.settings.timezone);
  const values: DetailsValues = consultation
    ? {
        title: consultation.title,
        purpose: consultation.purpose,
        background: consultation.background,
        audienceKind: consultation.audienceKind,
        regions: consultation.audienceRegions,
        sectors: consultation.audienceSectors,
        themes: consultation.audienceThemes,
        includeStakeholders: consultation.includeStakeholders,
        mode: consultation.mode,
        visibility: consultation.visibility,
        opensAt: toLocalInput(consultation.opensAt, zone),
        deadline: toLocalInput(consultation.deadline, zone),
        reminderHours: reminderHoursText(consultation.reminderHours),
      }
    : {
        title: "", purpose: "", background: "", audienceKind: "ALL", regions: [], sectors: [], themes: [], includeStakeholders: false,
        mode: "ORGANISATION", visibility: "SECRETARIAT", opensAt: "", deadline: "",
        reminderHours: reminderHoursText(parseReminderHours(ctx.settings.reminderHours) ?? [72, 24]),
      };
  return {
    slug: ctx.tenant.slug,
    values,
    status: consultation?.status ?? ("DRAFT" as const),
    pickedCount: consultation?.audienceOrganisationIds.length ?? 0,
    choices: await audienceChoices(ctx.db, ctx.tenant.id, consultation ?? undefined),
    zone: zoneName(zone),
    member: ctx.nav,
  };
}

/**
 * The new and edit pages' action: a background preview (nothing saved), or the details
 * validated for the consultation's status and saved in the page's transaction.
 */
export async function saveDetails(ctx: DraftingCtx, form: FormData, consultationId: string | null, now: Date = new Date()) {
  const t = draftingT(ctx.person.locale);
  const zone = safeZone(ctx.settings.timezone);
  const base = `/c/${ctx.tenant.slug}/consultations`;
  if (form.get("intent") === "preview") {
    const background = String(form.get("background") ?? "").slice(0, 20_000);
    if (consultationId) await findConsultation(ctx.db, consultationId);
    return data({ ok: false as const, form: "preview", errors: {}, values: formValues(form), lists: formLists(form), previewHtml: renderMarkdown(background, { topHeading: 4 }) });
  }
  const current = consultationId ? await lockConsultation(ctx.db, consultationId) : null;
  const parsed = validateForm(form, detailsSchema({ t, zone, locale: ctx.person.locale, now, current }), { lists: LIST_FIELDS });
  if (!parsed.ok) return invalid(form, parsed.errors);
  if (!current) {
    // A double click on "Save draft" makes one draft: the second request waits for the first and finds it.
    await ctx.db.$executeRaw`SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(${`consultations.new:${ctx.tenant.id}:${ctx.person.id}`}))) AS locked`;
    const twin = await ctx.db.consultation.findFirst({
      where: { createdById: ctx.person.id, title: parsed.data.title, purpose: parsed.data.purpose, background: parsed.data.background, status: "DRAFT", createdAt: { gt: new Date(now.getTime() - 30_000) } },
      select: { id: true },
    });
    if (twin) return redirect(`${base}/${twin.id}/questions?created=1`);
    const created = await ctx.db.consultation.create({
      data: { tenantId: ctx.tenant.id, createdById: ctx.person.id, ...detailsData(parsed.data, "DRAFT") },
      select: { id: true },
    });
    return redirect(`${base}/${created.id}/questions?created=1`);
  }
  await ctx.db.consultation.update({ where: { id: current.id }, data: detailsData(parsed.data, current.status) });
  return redirect(`${base}/${current.id}/edit?saved=1`);
}
