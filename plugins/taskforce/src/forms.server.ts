import { data } from "@remix-run/node";
import type { z } from "zod";

/**
 * Form handling after the portal's apps/portal/app/lib/forms.server.ts, which a plugin
 * cannot import. It belongs in the SDK (@commons/plugin-sdk/forms) so every module shares
 * one; until then this is a faithful copy plus `form`, naming which of a page's forms failed.
 */
export type FormErrors = Partial<Record<string, string>>;

export interface FormFailure {
  /** The intent of the form that failed, so only that form shows its errors and values. */
  form: string;
  errors: FormErrors;
  formError?: string;
  values: Record<string, string>;
}

export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) {
    if (typeof value === "string" && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

/** Validates with zod; a failure is one message per field plus the typed values, never a 500. */
export function parseForm<S extends z.ZodType>(form: FormData, schema: S): { ok: true; data: z.infer<S> } | { ok: false; errors: FormErrors } {
  const raw: Record<string, FormDataEntryValue> = Object.fromEntries(form);
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

export function invalid(form: FormData, errors: FormErrors, status = 400) {
  return data({ ok: false as const, form: String(form.get("intent") ?? ""), errors, values: formValues(form) } satisfies FormFailure & { ok: false }, { status });
}

export function fieldError(form: FormData, field: string, message: string, status = 400) {
  return invalid(form, { [field]: message }, status);
}

export function formError(form: FormData, message: string, status = 400) {
  return data({ ok: false as const, form: String(form.get("intent") ?? ""), errors: {} as FormErrors, formError: message, values: formValues(form) }, { status });
}

/** A change that worked: the page shows `notice` and empties the form it came from. */
export function done(form: FormData, notice: string) {
  return { ok: true as const, form: String(form.get("intent") ?? ""), notice };
}

/** Reads the form, treating a body that is not a form as an empty one (no 500). */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}
