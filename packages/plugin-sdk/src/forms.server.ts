import { data } from "@remix-run/node";
import { formLists, formValues, type FormErrors } from "./forms.ts";

/**
 * What an action answers when a form fails or succeeds, for pages with several forms:
 * `form` is the submitted `intent`, so only that form shows its errors and the values
 * typed into it, and only that form is emptied after a success.
 */
export interface FormFailure {
  form: string;
  errors: FormErrors;
  formError?: string;
  values: Record<string, string>;
  /** Every value per field, for checkbox groups to tick again what was ticked. */
  lists: Record<string, string[]>;
}

/** 400 (or `status`) with a message per field, and what was typed. */
export function invalid(form: FormData, errors: FormErrors, status = 400) {
  return data({ ok: false as const, form: String(form.get("intent") ?? ""), errors, values: formValues(form), lists: formLists(form) } satisfies FormFailure & { ok: false }, { status });
}

export function fieldError(form: FormData, field: string, message: string, status = 400) {
  return invalid(form, { [field]: message }, status);
}

/** A failure that is about the whole form (a conflict, a closed window), not one field. */
export function formError(form: FormData, message: string, status = 400) {
  return data({ ok: false as const, form: String(form.get("intent") ?? ""), errors: {} as FormErrors, formError: message, values: formValues(form), lists: formLists(form) } satisfies FormFailure & { ok: false }, { status });
}

/** A change that worked: the page shows `notice` and empties the form it came from. */
export function done(form: FormData, notice: string) {
  return { ok: true as const, form: String(form.get("intent") ?? ""), notice };
}
