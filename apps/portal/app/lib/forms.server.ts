import { data } from "@remix-run/node";
import type { z } from "zod";

export type FormErrors = Partial<Record<string, string>>;

export interface FormFailure {
  errors: FormErrors;
  formError?: string;
  values: Record<string, string>;
}

/** Every text field, as typed, to put back into the form; passwords are never echoed. */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) {
    if (typeof value === "string" && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

/**
 * Validates a submitted form with its zod schema. A failure becomes a 400 with one message
 * per field and the typed values, never an exception that would end as a 500.
 */
export function parseForm<S extends z.ZodType>(form: FormData, schema: S): { ok: true; data: z.infer<S> } | { ok: false; failure: FormFailure } {
  const raw: Record<string, FormDataEntryValue> = Object.fromEntries(form);
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return { ok: false, failure: { errors, values: formValues(form) } };
}

export function invalid(failure: FormFailure, status = 400) {
  return data({ ok: false as const, ...failure }, { status });
}

export function fieldError(form: FormData, field: string, message: string, status = 400) {
  return invalid({ errors: { [field]: message }, values: formValues(form) }, status);
}

export function formError(form: FormData, message: string, status = 400) {
  return invalid({ errors: {}, formError: message, values: formValues(form) }, status);
}

/** Reads the form, treating a body that is not a form as an empty one (no 500). */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}
