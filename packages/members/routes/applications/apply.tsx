import { redirect, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { hitRateLimits } from "@commons/auth";
import { validateForm, readForm } from "@commons/plugin-sdk/forms";
import { fieldError, formError, invalid } from "@commons/plugin-sdk/forms/server";
import type { RequestContext } from "@commons/plugin-sdk/server";
import { Button, CheckboxField, CheckboxGroup, SelectField, TextAreaField, TextField } from "@commons/ui";
import { EVENTS } from "../../src/constants.ts";
import { membersT, useMembersT } from "../../src/i18n.ts";
import { recordApplicationActivity, sameName, visitor, type RouteArgs, type VisitorCtx } from "../../src/applications/access.server.ts";
import { failureOf, Feedback, PlainText, type ActionResult } from "../../src/applications/components.tsx";
import { APPLY_RATE_LIMIT, applicationSchema, charterVersion, formChoices } from "../../src/applications/form.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Commons` }];

export async function loader(args: RouteArgs) {
  return visitor(args, async ({ tenant, settings, nav, person }) => {
    const choices = formChoices(settings);
    return {
      title: membersT(person?.locale)("members.applications.apply.title", { coalition: tenant.name }),
      coalition: tenant.name,
      ...choices,
      charterVersion: charterVersion(choices.charter),
      member: nav,
    };
  });
}

/** Why an organisation of this name cannot apply: it is a member already, or its application waits. */
async function nameTaken({ db, person }: VisitorCtx, name: string): Promise<string | null> {
  const t = membersT(person?.locale);
  const member = await db.organisation.findFirst({ where: { name: sameName(name) }, select: { name: true } });
  if (member) return t("members.applications.error.alreadyMember", { name: member.name });
  const pending = await db.membersApplication.findFirst({
    where: { organisationName: sameName(name), status: { in: ["SUBMITTED", "INFO_REQUESTED"] } },
    select: { organisationName: true },
  });
  return pending ? t("members.applications.error.alreadyPending", { name: pending.organisationName }) : null;
}

export async function action(args: RouteArgs) {
  const form = await readForm(args.request);
  const clientIp = (args.context as RequestContext).clientIp;
  return visitor(args, async (ctx) => {
    const { db, tenant, settings, person } = ctx;
    const t = membersT(person?.locale);
    const choices = formChoices(settings);
    const parsed = validateForm(form, applicationSchema(t, settings), { lists: choices.sectors.length ? ["sectors"] : [] });
    if (!parsed.ok) {
      // A name already taken is said at once, with the other problems, not after they are fixed.
      const name = String(form.get("organisationName") ?? "").replace(/\s+/g, " ").trim();
      const taken = name && !parsed.errors.organisationName ? await nameTaken(ctx, name) : null;
      return invalid(form, taken ? { organisationName: taken, ...parsed.errors } : parsed.errors);
    }
    const input = parsed.data;
    if (choices.charter && input.charterVersion !== charterVersion(choices.charter)) {
      form.delete("charter");
      return fieldError(form, "charter", t("members.applications.error.charterChanged"));
    }

    // Two people sending the same organisation at once queue here; the second sees the first.
    await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${tenant.id}:application:${input.organisationName.toLowerCase()}`}))`;
    const taken = await nameTaken(ctx, input.organisationName);
    if (taken) return fieldError(form, "organisationName", taken);

    // Only applications that would reach the secretariat count: someone correcting a typo is never held up.
    const limit = await hitRateLimits([[`apply:${tenant.id}:ip:${clientIp}`, APPLY_RATE_LIMIT]]);
    if (!limit.allowed) return formError(form, t("members.applications.error.rateLimited", { minutes: Math.ceil(limit.retryAfterSeconds / 60) }), 429);

    const application = await db.membersApplication.create({
      data: {
        tenantId: tenant.id,
        organisationName: input.organisationName,
        acronym: input.acronym,
        type: input.type,
        region: input.region,
        province: input.province,
        sectors: input.sectors,
        website: input.website,
        description: input.description,
        contactName: input.contactName,
        contactEmail: input.contactEmail,
        motivation: input.motivation,
        charterAcceptedAt: new Date(),
        charterText: choices.charter,
      },
      select: { id: true },
    });
    await ctx.emit(EVENTS.applicationSubmitted, { applicationId: application.id });
    await recordApplicationActivity(db, tenant.id, person?.id ?? null, "submitted", application.id, { organisation: input.organisationName });
    return redirect(`/c/${tenant.slug}/members/apply/received`);
  });
}

export default function Apply() {
  const t = useMembersT();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const failure = failureOf(result, "apply");
  const values = failure?.values ?? {};
  // Every value of each field (the SDK's invalid() sends them), for the ticked sectors.
  const lists = (failure as { lists?: Record<string, string[]> } | undefined)?.lists ?? {};
  const errors = failure?.errors ?? {};
  const text = (name: string, label: Parameters<typeof t>[0], extra: { hint?: string; type?: string; autoComplete?: string; maxLength?: number } = {}) => (
    <TextField name={name} label={t(label)} defaultValue={values[name]} error={errors[name]} {...extra} />
  );
  const select = (name: string, label: Parameters<typeof t>[0], list: readonly string[]) => (
    <SelectField
      name={name}
      label={t(label)}
      defaultValue={values[name] ?? ""}
      error={errors[name]}
      options={[{ value: "", label: t("members.applications.apply.choose") }, ...list.map((v) => ({ value: v, label: v }))]}
    />
  );
  return (
    <main id="main">
      <h1>{data.title}</h1>
      <p className="lede">{t("members.applications.apply.intro")}</p>
      <Feedback result={result} intent="apply" />
      <Form method="post" noValidate className="narrow">
        <input type="hidden" name="intent" value="apply" />
        <input type="hidden" name="charterVersion" value={data.charterVersion} />
        <h2>{t("members.applications.apply.organisation")}</h2>
        {text("organisationName", "members.applications.field.organisationName", { autoComplete: "organization", maxLength: 200 })}
        {text("acronym", "members.applications.field.acronym", { maxLength: 40 })}
        {data.types.length ? select("type", "members.applications.field.type", data.types) : text("type", "members.applications.field.type", { maxLength: 100 })}
        {data.regions.length ? select("region", "members.applications.field.region", data.regions) : text("region", "members.applications.field.region", { maxLength: 100 })}
        {text("province", "members.applications.field.province", { maxLength: 100 })}
        {data.sectors.length ? (
          <CheckboxGroup
            name="sectors"
            legend={t("members.applications.field.sectors")}
            hint={t("members.applications.field.sectorsGroupHint")}
            options={data.sectors.map((s) => ({ value: s, label: s }))}
            defaultValues={lists.sectors ?? []}
            error={errors.sectors}
          />
        ) : (
          text("sectors", "members.applications.field.sectors", { hint: t("members.applications.field.sectorsHint") })
        )}
        {text("website", "members.applications.field.website", { type: "url", hint: t("members.applications.field.websiteHint"), autoComplete: "url" })}
        <TextAreaField name="description" label={t("members.applications.field.description")} defaultValue={values.description} error={errors.description} rows={4} />

        <h2>{t("members.applications.apply.contact")}</h2>
        <p>{t("members.applications.apply.contactIntro")}</p>
        {text("contactName", "members.applications.field.contactName", { autoComplete: "name", maxLength: 120 })}
        {text("contactEmail", "members.applications.field.contactEmail", { type: "email", autoComplete: "email" })}

        <h2>{t("members.applications.apply.motivation")}</h2>
        <TextAreaField name="motivation" label={t("members.applications.field.motivation")} defaultValue={values.motivation} error={errors.motivation} />

        {data.charter ? (
          <>
            <h2>{t("members.applications.apply.charter")}</h2>
            <p>{t("members.applications.apply.charterIntro")}</p>
            <section className="card" aria-label={t("members.applications.apply.charter")}>
              <PlainText text={data.charter} />
            </section>
            <CheckboxField name="charter" value="agree" label={t("members.applications.field.charter")} defaultChecked={values.charter === "agree"} error={errors.charter} />
          </>
        ) : null}
        <Button>{t("members.applications.apply.submit")}</Button>
      </Form>
    </main>
  );
}
