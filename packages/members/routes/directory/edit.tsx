import { redirect, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound } from "@commons/plugin-sdk/server";
import { validateForm, type FormErrors } from "@commons/plugin-sdk/forms";
import { formError, invalid } from "@commons/plugin-sdk/forms/server";
import { localStorage, newStorageKey } from "@commons/storage";
import { Button, CheckboxField, CheckboxGroup, ErrorSummary, SelectField, TextAreaField, TextField } from "@commons/ui";
import { canEditOrganisation, directoryMemberGuard, requireId, type RouteArgs } from "../../src/directory/access.server.ts";
import { directoryLinks, Logo, logoUrl } from "../../src/directory/components.tsx";
import { profileChoices, profileSchema } from "../../src/directory/edit.server.ts";
import { MULTI_FIELDS, TAG_FIELDS, type MultiField } from "../../src/directory/fields.ts";
import { forgetFacetCounts } from "../../src/directory/facet-cache.server.ts";
import { findViewableOrganisation } from "../../src/directory/profile.server.ts";
import { FormTooLargeError, readProfileForm, sniffImage, type LogoUpload } from "../../src/directory/upload.server.ts";
import { membersT, useMembersT, type MessageKey } from "../../src/directory/i18n.ts";

export const links = directoryLinks;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? membersT()("members.directory.edit.title", { organisation: data.organisation.name }) : ""} · Commons` }];

export async function loader(args: RouteArgs) {
  const id = requireId(args.params.organisationId);
  return directoryMemberGuard(args, async (ctx, viewer) => {
    const o = await findViewableOrganisation(ctx.db, viewer, id);
    if (!canEditOrganisation(ctx, id)) throw notFound();
    return {
      slug: ctx.tenant.slug,
      organisation: {
        id: o.id, name: o.name, acronym: o.acronym, type: o.type, region: o.region, province: o.province,
        sectors: o.sectors, themes: o.themes, languages: o.languages, website: o.website, email: o.email,
        foundedYear: o.foundedYear === null ? "" : String(o.foundedYear), description: o.description,
        offers: o.offers, offerTags: o.offerTags, needs: o.needs, needTags: o.needTags, logoKey: o.logoKey,
      },
      choices: profileChoices(ctx.settings, o),
      member: ctx.nav,
    };
  });
}

const FIELDS = ["name", "acronym", "type", "region", "province", "sectors", "themes", "languages", "website", "email", "foundedYear", "description", "offers", "offerTags", "needs", "needTags"] as const;

function logoError(t: ReturnType<typeof membersT>, logo: LogoUpload): string | null {
  if (logo.kind === "empty") return t("members.directory.edit.error.logoEmpty");
  if (logo.kind === "too-large") return t("members.directory.edit.error.logoTooLarge");
  if (logo.kind === "file" && !sniffImage(logo.bytes)) return t("members.directory.edit.error.logoType");
  return null;
}

export async function action(args: RouteArgs) {
  const id = requireId(args.params.organisationId);
  let read: Awaited<ReturnType<typeof readProfileForm>> | null = null;
  try {
    read = await readProfileForm(args.request);
  } catch (error) {
    if (!(error instanceof FormTooLargeError)) throw error;
  }
  const storage = localStorage();
  let created: string | null = null;
  try {
    const outcome = await directoryMemberGuard(args, async (ctx, viewer) => {
      const t = membersT(ctx.person?.locale);
      const o = await findViewableOrganisation(ctx.db, viewer, id);
      if (!ctx.person || !canEditOrganisation(ctx, id)) throw notFound();
      if (!read) return { response: formError(new FormData(), t("members.directory.edit.error.tooLarge"), 413), stale: null, saved: null };
      const { form, logo } = read;
      const parsed = validateForm(form, profileSchema(t, profileChoices(ctx.settings, o)), { lists: [...MULTI_FIELDS, ...TAG_FIELDS] });
      const errors: FormErrors = parsed.ok ? {} : { ...parsed.errors };
      const badLogo = logoError(t, logo);
      if (badLogo) errors.logo = badLogo;
      if (!parsed.ok || badLogo) return { response: invalid(form, errors, logo.kind === "too-large" && !Object.keys(errors).some((k) => k !== "logo") ? 413 : 400), stale: null, saved: null };
      const { removeLogo, ...fields } = parsed.data;

      const clash = await ctx.db.organisation.findFirst({ where: { name: { equals: fields.name, mode: "insensitive" }, id: { not: id } }, select: { id: true } });
      if (clash) return { response: invalid(form, { name: t("members.directory.edit.error.nameTaken") }), stale: null, saved: null };

      let logoKey = removeLogo ? null : o.logoKey;
      if (logo.kind === "file") {
        created = newStorageKey(`logos/${ctx.tenant.id}`);
        await storage.put(created, logo.bytes, sniffImage(logo.bytes)!);
        logoKey = created;
      }
      await ctx.db.organisation.update({ where: { id }, data: { ...fields, logoKey } });
      const changed = FIELDS.filter((f) => JSON.stringify(fields[f]) !== JSON.stringify(o[f]));
      if (logoKey !== o.logoKey) changed.push("logo" as never);
      await ctx.db.activity.create({
        data: { tenantId: ctx.tenant.id, actorId: ctx.person.id, action: "members.organisation.updated", subjectType: "organisation", subjectId: id, data: { fields: changed } },
      });
      return { response: redirect(`/c/${ctx.tenant.slug}/members/organisations/${id}?saved=1`), stale: logoKey !== o.logoKey ? o.logoKey : null, saved: ctx.tenant.id };
    });
    // The old logo goes once the change is committed; a failed commit keeps it.
    if (outcome.saved) forgetFacetCounts(outcome.saved);
    if (outcome.stale) await storage.delete(outcome.stale).catch(() => undefined);
    return outcome.response;
  } catch (error) {
    if (created) await storage.delete(created).catch(() => undefined);
    throw error;
  }
}

type Failure = { ok: false; errors: FormErrors; formError?: string; values: Record<string, string>; lists: Record<string, string[]> };

export default function EditOrganisation() {
  const t = useMembersT();
  const { slug, organisation: o, choices } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as Failure | undefined;
  const base = `/c/${slug}/members`;
  const errors = failure?.errors ?? {};
  const value = (name: (typeof FIELDS)[number]) => {
    if (failure) return failure.values[name] ?? "";
    const current = o[name];
    return Array.isArray(current) ? current.join(", ") : String(current ?? "");
  };
  const many = (name: MultiField) => (failure ? (failure.lists[name] ?? []) : o[name]);
  const label = (key: string) => t(`members.directory.edit.${key}` as MessageKey);
  const multi = (name: MultiField) =>
    choices[name].length ? (
      <CheckboxGroup key={name} name={name} legend={label(name)} options={choices[name].map((v) => ({ value: v, label: v }))} defaultValues={many(name)} error={errors[name]} />
    ) : (
      <TextField key={name} name={name} label={label(name)} hint={t("members.directory.edit.tagsHint")} defaultValue={value(name)} error={errors[name]} maxLength={1500} />
    );
  const pick = (name: "type" | "region", list: string[]) =>
    list.length ? (
      <SelectField
        name={name}
        label={label(name)}
        defaultValue={value(name)}
        error={errors[name]}
        options={[{ value: "", label: t("members.directory.edit.choose") }, ...list.map((v) => ({ value: v, label: v }))]}
      />
    ) : (
      <TextField name={name} label={label(name)} defaultValue={value(name)} error={errors[name]} maxLength={100} />
    );
  return (
    <main id="main">
      <p>
        <Link to={`${base}/organisations/${o.id}`}>{t("members.directory.edit.back")}</Link>
      </p>
      <h1>{t("members.directory.edit.title", { organisation: o.name })}</h1>
      <ErrorSummary title={t("members.directory.edit.errorSummary")} errors={errors} formError={failure?.formError} />
      <Form method="post" encType="multipart/form-data" noValidate className="narrow" key={failure ? "failed" : "form"}>
        <TextField name="name" label={label("name")} defaultValue={value("name")} error={errors.name} maxLength={200} required />
        <TextField name="acronym" label={label("acronym")} defaultValue={value("acronym")} error={errors.acronym} maxLength={30} />
        {pick("type", choices.types)}
        {pick("region", choices.regions)}
        <TextField name="province" label={label("province")} defaultValue={value("province")} error={errors.province} maxLength={100} />
        {MULTI_FIELDS.map(multi)}
        <TextField name="website" type="url" label={label("website")} hint={t("members.directory.edit.websiteHint")} defaultValue={value("website")} error={errors.website} maxLength={300} />
        <TextField name="email" type="email" label={label("email")} defaultValue={value("email")} error={errors.email} maxLength={200} />
        <TextField name="foundedYear" inputMode="numeric" label={label("foundedYear")} defaultValue={value("foundedYear")} error={errors.foundedYear} maxLength={4} />
        <TextAreaField name="description" label={label("description")} defaultValue={value("description")} error={errors.description} maxLength={5000} />
        <TextAreaField name="offers" label={label("offers")} hint={t("members.directory.edit.offersHint")} defaultValue={value("offers")} error={errors.offers} rows={4} maxLength={3000} />
        <TextField name="offerTags" label={label("offerTags")} hint={t("members.directory.edit.tagsHint")} defaultValue={value("offerTags")} error={errors.offerTags} maxLength={1500} />
        <TextAreaField name="needs" label={label("needs")} hint={t("members.directory.edit.needsHint")} defaultValue={value("needs")} error={errors.needs} rows={4} maxLength={3000} />
        <TextField name="needTags" label={label("needTags")} hint={t("members.directory.edit.tagsHint")} defaultValue={value("needTags")} error={errors.needTags} maxLength={1500} />
        <div className={errors.logo ? "field field--error" : "field"}>
          <label htmlFor="field-logo" className="field__label">
            {label("logo")}
          </label>
          <p id="field-logo-hint" className="field__hint">
            {t("members.directory.edit.logoHint")}
          </p>
          {errors.logo ? (
            <p id="field-logo-error" className="field__error">
              {errors.logo}
            </p>
          ) : null}
          <input id="field-logo" name="logo" type="file" accept="image/png,image/jpeg,image/webp" aria-invalid={errors.logo ? true : undefined} aria-describedby={errors.logo ? "field-logo-hint field-logo-error" : "field-logo-hint"} />
        </div>
        {o.logoKey ? (
          <div className="field">
            <p className="field__label">{t("members.directory.edit.logoCurrent")}</p>
            <Logo src={logoUrl(base, o.id, o.logoKey)} alt={t("members.directory.profile.logoAlt", { organisation: o.name })} size={72} />
            <CheckboxField name="removeLogo" label={label("removeLogo")} defaultChecked={failure?.values.removeLogo === "on"} />
          </div>
        ) : null}
        <Button>{t("members.directory.edit.save")}</Button>
      </Form>
    </main>
  );
}
