import { data } from "@remix-run/node";
import { formValues, validateForm, type FormErrors } from "@commons/plugin-sdk/forms";

export { formValues, readForm, type FormErrors } from "@commons/plugin-sdk/forms";

/** The SDK's form pieces, with `form`: which of a page's forms failed or succeeded. */
export interface FormFailure {
  /** The intent of the form that failed, so only that form shows its errors and values. */
  form: string;
  errors: FormErrors;
  formError?: string;
  values: Record<string, string>;
}

export const parseForm = validateForm;

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
