import { data } from "@remix-run/node";
import type { z } from "zod";
import { formValues, validateForm, type FormErrors } from "@commons/plugin-sdk/forms";

export { formValues, readForm, type FormErrors } from "@commons/plugin-sdk/forms";

export interface FormFailure {
  errors: FormErrors;
  formError?: string;
  values: Record<string, string>;
}

/**
 * Validates a submitted form with its zod schema. A failure becomes a 400 with one message
 * per field and the typed values, never an exception that would end as a 500.
 */
export function parseForm<S extends z.ZodType>(form: FormData, schema: S): { ok: true; data: z.infer<S> } | { ok: false; failure: FormFailure } {
  const result = validateForm(form, schema);
  return result.ok ? result : { ok: false, failure: { errors: result.errors, values: formValues(form) } };
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
