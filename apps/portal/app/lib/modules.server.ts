import { z } from "zod";
import { createCatalogueTranslator } from "@commons/i18n";
import type { Db, Prisma } from "@commons/db";
import type { Module } from "@commons/plugin-sdk";
import { MODULES } from "../../modules.config.ts";

/** Plugins a coalition may switch on (core modules are always on). */
export function installedPlugins(): readonly Module[] {
  return MODULES.filter((m) => !m.core);
}

export function findPlugin(id: string): Module | undefined {
  return installedPlugins().find((m) => m.id === id);
}

/** Modules a coalition can configure: every plugin, and core modules that have settings. */
export function configurableModules(): readonly Module[] {
  return MODULES.filter((m) => !m.core || m.settings);
}

/** Ids of the plugins this coalition has on; one indexed query, none when none are installed. */
export async function enabledPluginIds(db: Db): Promise<Set<string>> {
  if (installedPlugins().length === 0) return new Set();
  const rows = await db.moduleSetting.findMany({ where: { enabled: true }, select: { moduleId: true } });
  return new Set(rows.map((r) => r.moduleId));
}

/** A module's own message, in the reader's language when it has one. */
export function moduleMessage(module: Module, key: string, locale: string): string {
  return module.messages?.[locale]?.[key] ?? module.messages?.en?.[key] ?? key;
}

export interface ModuleNavLink {
  href: string;
  label: string;
}

/** Navigation entries of the enabled modules that the person's permissions allow. */
export function moduleNavigation(slug: string, enabled: ReadonlySet<string>, permissions: ReadonlySet<string>, locale: string): ModuleNavLink[] {
  return MODULES.filter((m) => m.core || enabled.has(m.id)).flatMap((m) =>
    (m.navigation ?? [])
      .filter((entry) => !entry.permission || permissions.has(entry.permission))
      .map((entry) => ({ href: `/c/${slug}/${[m.id, entry.path].filter(Boolean).join("/")}`, label: moduleMessage(m, entry.label, locale) })),
  );
}

/** One field of a generated settings form, read from the module's zod schema. */
export interface SettingField {
  name: string;
  label: string;
  kind: "boolean" | "text" | "textarea" | "number" | "select";
  options?: string[];
  value: string | number | boolean;
}

interface JsonSchemaProperty {
  type?: string;
  enum?: unknown[];
  description?: string;
  /** Set with zod's .meta({ multiline: true }): several lines of text (a charter, a list). */
  multiline?: boolean;
}

export function settingFields(module: Module, values: Record<string, unknown>, locale: string): SettingField[] {
  if (!module.settings) return [];
  const schema = z.toJSONSchema(module.settings) as { properties?: Record<string, JsonSchemaProperty> };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const labelKey = `${module.id}.settings.${name}`;
    const label = module.messages?.en?.[labelKey] ? moduleMessage(module, labelKey, locale) : (property.description ?? name);
    const value = values[name] as string | number | boolean;
    if (property.enum) return { name, label, kind: "select", options: property.enum.map(String), value };
    if (property.type === "boolean") return { name, label, kind: "boolean", value };
    if (property.type === "number" || property.type === "integer") return { name, label, kind: "number", value };
    return { name, label, kind: property.multiline ? "textarea" : "text", value };
  });
}

/** Turns the submitted form into values for the schema: unchecked boxes are false, numbers numbers. */
export function settingsFromForm(module: Module, form: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of settingFields(module, {}, "en")) {
    const raw = form.get(field.name);
    if (field.kind === "boolean") values[field.name] = raw === "on" || raw === "true";
    else if (field.kind === "number") values[field.name] = raw === null || raw === "" ? undefined : Number(raw);
    else values[field.name] = raw === null ? undefined : String(raw);
  }
  return values;
}

export function settingsJson(value: unknown): Prisma.InputJsonObject {
  return value as Prisma.InputJsonObject;
}

/**
 * How the activity record words a module's entry ("<module>.<what>"): the module's message
 * "<module>.activity.<what>" with the entry's data as its placeholders, or, when the module
 * has none, the action in plain words. Null for the core's own entries.
 */
export function describeModuleAction(action: string, data: unknown, locale: string): string | null {
  const module = MODULES.find((m) => action.startsWith(`${m.id}.`));
  if (!module) return null;
  const what = action.slice(module.id.length + 1);
  const key = `${module.id}.activity.${what}`;
  if (!module.messages?.en?.[key]) return `${module.name}: ${what.replace(/[._]/g, " ")}`;
  const params = Object.fromEntries(Object.entries((data ?? {}) as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : String(v ?? "")]));
  return createCatalogueTranslator(module.messages, locale)(key, params);
}
