import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, ErrorSummary, Notice } from "@commons/ui";
import { recordActivity } from "../../lib/activity.server.ts";
import { formError, invalid, readForm, formValues } from "../../lib/forms.server.ts";
import { useT } from "../../lib/i18n.ts";
import { findPlugin, installedPlugins, moduleMessage, settingFields, settingsFromForm, settingsJson } from "../../lib/modules.server.ts";
import { requestTranslator } from "../../lib/session.server.ts";
import { withMember } from "../../lib/tenant.server.ts";

export const meta: MetaFunction = () => [{ title: "Plugins · Commons" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return withMember(request, context, params, "module:manage", async ({ db, nav, session }) => {
    const rows = await db.moduleSetting.findMany({ select: { moduleId: true, enabled: true, settings: true } });
    const locale = session.user.locale;
    return {
      member: nav,
      plugins: installedPlugins().map((m) => {
        const row = rows.find((r) => r.moduleId === m.id);
        const parsed = m.settings?.safeParse(row?.settings ?? {});
        const values = (parsed?.success ? parsed.data : (m.settings?.parse({}) ?? {})) as Record<string, unknown>;
        return {
          id: m.id,
          name: m.name,
          description: m.description,
          version: m.version,
          enabled: !!row?.enabled,
          pages: (m.routes?.length ?? 0) + (m.adminRoutes?.length ?? 0),
          navigation: (m.navigation ?? []).map((n) => moduleMessage(m, n.label, locale)),
          permissions: Object.keys(m.permissions ?? {}),
          fields: settingFields(m, values, locale),
        };
      }),
    };
  });
}

const intentSchema = z.object({ intent: z.enum(["enable", "disable", "settings"]), module: z.string().min(1).max(64) });

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  return withMember(request, context, params, "module:manage", async ({ db, session, tenant }) => {
    const t = requestTranslator(request, session);
    const parsed = intentSchema.safeParse(Object.fromEntries(form));
    const module = parsed.success ? findPlugin(parsed.data.module) : undefined;
    if (!parsed.success || !module) return formError(form, t("modules.unknown"), 404);
    const { intent } = parsed.data;
    const existing = await db.moduleSetting.findFirst({ where: { moduleId: module.id } });

    if (intent === "settings") {
      const result = module.settings?.safeParse(settingsFromForm(module, form));
      if (result && !result.success) {
        const errors: Record<string, string> = {};
        for (const issue of result.error.issues) errors[`${module.id}.${String(issue.path[0])}`] ??= issue.message;
        return invalid({ errors, values: formValues(form) });
      }
      const settings = settingsJson(result?.data ?? {});
      await db.moduleSetting.upsert({
        where: { tenantId_moduleId: { tenantId: tenant.id, moduleId: module.id } },
        create: { tenantId: tenant.id, moduleId: module.id, enabled: false, settings, updatedById: session.user.id },
        update: { settings, updatedById: session.user.id },
      });
      await recordActivity(db, { actorId: session.user.id, action: "module.settings", subjectType: "module", subjectId: module.id, data: { module: module.name } });
      return { ok: true as const, message: t("modules.settings.saved", { name: module.name }) };
    }

    const enabled = intent === "enable";
    if (existing?.enabled !== enabled) {
      await db.moduleSetting.upsert({
        where: { tenantId_moduleId: { tenantId: tenant.id, moduleId: module.id } },
        create: { tenantId: tenant.id, moduleId: module.id, enabled, settings: settingsJson(module.settings?.parse({}) ?? {}), updatedById: session.user.id },
        update: { enabled, updatedById: session.user.id },
      });
      await recordActivity(db, { actorId: session.user.id, action: enabled ? "module.enabled" : "module.disabled", subjectType: "module", subjectId: module.id, data: { module: module.name } });
    }
    return { ok: true as const, message: t(enabled ? "modules.enabled" : "modules.disabled", { name: module.name }) };
  });
}

export default function Modules() {
  const t = useT();
  const { plugins } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && "errors" in result ? result : undefined;
  return (
    <main id="main">
      <h1>{t("modules.title")}</h1>
      <p className="lede">{t("modules.intro")}</p>
      {result && "message" in result ? <Notice tone="success">{result.message}</Notice> : null}
      <ErrorSummary title={t("form.errorSummaryTitle")} errors={failure?.errors} formError={failure?.formError} />
      {plugins.length === 0 ? <p>{t("modules.none")}</p> : null}
      {plugins.map((p) => (
        <section key={p.id} className="card stack" aria-labelledby={`module-${p.id}`}>
          <h2 id={`module-${p.id}`}>{p.name}</h2>
          <p>{p.description}</p>
          <dl className="summary">
            <dt>{t("modules.status")}</dt>
            <dd>{p.enabled ? t("modules.status.on") : t("modules.status.off")}</dd>
            <dt>{t("modules.adds")}</dt>
            <dd>
              {t("modules.adds.pages", { count: p.pages })}
              {p.navigation.length ? ` · ${t("modules.adds.navigation", { list: p.navigation.join(", ") })}` : ""}
              {p.permissions.length ? ` · ${t("modules.adds.permissions", { list: p.permissions.join(", ") })}` : ""}
            </dd>
            <dt>{t("modules.version", { version: "" }).trim()}</dt>
            <dd>{p.version}</dd>
          </dl>
          <Form method="post">
            <input type="hidden" name="module" value={p.id} />
            <Button name="intent" value={p.enabled ? "disable" : "enable"} variant={p.enabled ? "secondary" : "primary"}>
              {t(p.enabled ? "modules.disable" : "modules.enable", { name: p.name })}
            </Button>
          </Form>
          {p.fields.length ? (
            <Form method="post" className="stack">
              <h3>{t("modules.settings")}</h3>
              <input type="hidden" name="module" value={p.id} />
              {p.fields.map((f) => {
                const id = `field-${p.id}.${f.name}`;
                const error = failure?.errors?.[`${p.id}.${f.name}`];
                return (
                  <div key={f.name} className={error ? "field field--error" : "field"}>
                    {f.kind === "boolean" ? (
                      <label htmlFor={id} className="field__label">
                        <input id={id} type="checkbox" name={f.name} defaultChecked={f.value === true} /> {f.label}
                      </label>
                    ) : (
                      <>
                        <label htmlFor={id} className="field__label">
                          {f.label}
                        </label>
                        {error ? <p className="field__error" id={`${id}-error`}>{error}</p> : null}
                        {f.kind === "select" ? (
                          <select id={id} name={f.name} defaultValue={String(f.value ?? "")} className="field__input" aria-describedby={error ? `${id}-error` : undefined}>
                            {(f.options ?? []).map((o) => (
                              <option key={o} value={o}>
                                {o}
                              </option>
                            ))}
                          </select>
                        ) : (
                          <input id={id} name={f.name} type={f.kind === "number" ? "number" : "text"} defaultValue={String(f.value ?? "")} className="field__input" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
                        )}
                      </>
                    )}
                  </div>
                );
              })}
              <Button name="intent" value="settings" variant="secondary">
                {t("modules.settings.save", { name: p.name })}
              </Button>
            </Form>
          ) : null}
        </section>
      ))}
    </main>
  );
}

