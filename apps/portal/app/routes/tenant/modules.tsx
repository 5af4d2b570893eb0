import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, ErrorSummary, Notice } from "@commons/ui";
import type { SettingField } from "../../lib/modules.server.ts";
import { recordActivity } from "../../lib/activity.server.ts";
import { formError, invalid, readForm, formValues } from "../../lib/forms.server.ts";
import { useT } from "../../lib/i18n.ts";
import { configurableModules, moduleMessage, settingFields, settingsFromForm, settingsJson } from "../../lib/modules.server.ts";
import { requestTranslator } from "../../lib/session.server.ts";
import { withMember } from "../../lib/tenant.server.ts";

export const meta: MetaFunction = () => [{ title: "Modules and plugins · Commons" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return withMember(request, context, params, "module:manage", async ({ db, nav, session }) => {
    const rows = await db.moduleSetting.findMany({ select: { moduleId: true, enabled: true, settings: true } });
    const locale = session.user.locale;
    return {
      member: nav,
      modules: configurableModules().map((m) => {
        const row = rows.find((r) => r.moduleId === m.id);
        const parsed = m.settings?.safeParse(row?.settings ?? {});
        const values = (parsed?.success ? parsed.data : (m.settings?.parse({}) ?? {})) as Record<string, unknown>;
        return {
          id: m.id,
          name: m.name,
          description: m.description,
          version: m.version,
          core: !!m.core,
          enabled: m.core ? true : !!row?.enabled,
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
    const module = parsed.success ? configurableModules().find((m) => m.id === parsed.data.module) : undefined;
    if (!parsed.success || !module) return formError(form, t("modules.unknown"), 404);
    const { intent } = parsed.data;
    if (module.core && intent !== "settings") return formError(form, t("modules.coreAlwaysOn", { name: module.name }));
    const existing = await db.moduleSetting.findFirst({ where: { moduleId: module.id } });

    if (intent === "settings") {
      const result = module.settings?.safeParse(settingsFromForm(module, form));
      if (result && !result.success) {
        const errors: Record<string, string> = {};
        for (const issue of result.error.issues) errors[`${module.id}.${String(issue.path[0])}`] ??= issue.message;
        return invalid({ errors, values: { ...formValues(form), module: module.id } });
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
  const { modules } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && "errors" in result ? result : undefined;
  const core = modules.filter((m) => m.core);
  const plugins = modules.filter((m) => !m.core);
  return (
    <main id="main">
      <h1>{t("modules.title")}</h1>
      {result && "message" in result ? <Notice tone="success">{result.message}</Notice> : null}
      <ErrorSummary title={t("form.errorSummaryTitle")} errors={failure?.errors} formError={failure?.formError} />
      {core.length ? (
        <>
          <h2>{t("modules.core.title")}</h2>
          <p className="lede">{t("modules.core.intro")}</p>
          {core.map((m) => (
            <ModuleCard key={m.id} module={m} failure={failure} />
          ))}
        </>
      ) : null}
      <h2>{t("modules.plugins.title")}</h2>
      <p className="lede">{t("modules.intro")}</p>
      {plugins.length === 0 ? <p>{t("modules.none")}</p> : null}
      {plugins.map((m) => (
        <ModuleCard key={m.id} module={m} failure={failure} />
      ))}
    </main>
  );
}

type ModuleView = ReturnType<typeof useLoaderData<typeof loader>>["modules"][number];
type Failure = { errors?: Record<string, string | undefined>; values?: Record<string, string> } | undefined;

function ModuleCard({ module: m, failure }: { module: ModuleView; failure: Failure }) {
  const t = useT();
  // What was typed comes back only into the form of the module that failed.
  const typed = failure?.values?.module === m.id ? failure.values : undefined;
  return (
    <section className="card stack" aria-labelledby={`module-${m.id}`}>
      <h3 id={`module-${m.id}`}>{m.name}</h3>
      <p>{m.description}</p>
      <dl className="summary">
        <dt>{t("modules.status")}</dt>
        <dd>{m.core ? t("modules.status.core") : m.enabled ? t("modules.status.on") : t("modules.status.off")}</dd>
        <dt>{t("modules.adds")}</dt>
        <dd>
          {t("modules.adds.pages", { count: m.pages })}
          {m.navigation.length ? ` · ${t("modules.adds.navigation", { list: m.navigation.join(", ") })}` : ""}
          {m.permissions.length ? ` · ${t("modules.adds.permissions", { list: m.permissions.join(", ") })}` : ""}
        </dd>
        <dt>{t("modules.version", { version: "" }).trim()}</dt>
        <dd>{m.version}</dd>
      </dl>
      {m.core ? null : (
        <Form method="post">
          <input type="hidden" name="module" value={m.id} />
          <Button name="intent" value={m.enabled ? "disable" : "enable"} variant={m.enabled ? "secondary" : "primary"}>
            {t(m.enabled ? "modules.disable" : "modules.enable", { name: m.name })}
          </Button>
        </Form>
      )}
      {m.fields.length ? (
        <Form method="post" className="stack">
          <h4>{t("modules.settings")}</h4>
          <input type="hidden" name="module" value={m.id} />
          {m.fields.map((f) => (
            <SettingInput key={f.name} moduleId={m.id} field={f} error={failure?.errors?.[`${m.id}.${f.name}`]} typed={typed} />
          ))}
          <Button name="intent" value="settings" variant="secondary">
            {t("modules.settings.save", { name: m.name })}
          </Button>
        </Form>
      ) : null}
    </section>
  );
}

function SettingInput({ moduleId, field: f, error, typed }: { moduleId: string; field: SettingField; error?: string; typed?: Record<string, string> }) {
  const id = `field-${moduleId}.${f.name}`;
  const value = typed ? (typed[f.name] ?? "") : String(f.value ?? "");
  const described = error ? `${id}-error` : undefined;
  if (f.kind === "boolean") {
    const checked = typed ? typed[f.name] === "on" : f.value === true;
    return (
      <div className={error ? "field field--error" : "field"}>
        <div className="checkbox">
          <input id={id} type="checkbox" name={f.name} defaultChecked={checked} />
          <label htmlFor={id}>{f.label}</label>
        </div>
      </div>
    );
  }
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={id} className="field__label">
        {f.label}
      </label>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {f.kind === "select" ? (
        <select id={id} name={f.name} defaultValue={value} className="field__input" aria-describedby={described}>
          {(f.options ?? []).map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : f.kind === "textarea" ? (
        <textarea id={id} name={f.name} rows={6} defaultValue={value} className="field__input" aria-invalid={error ? true : undefined} aria-describedby={described} />
      ) : (
        <input id={id} name={f.name} type={f.kind === "number" ? "number" : "text"} defaultValue={value} className="field__input" aria-invalid={error ? true : undefined} aria-describedby={described} />
      )}
    </div>
  );
}
