import type { z } from "zod";

/**
 * The pieces every module's form actions share: the typed values to put back, one message
 * per field from a zod failure, and a request body that is never a 500. The portal and each
 * plugin wrap these in their own response shapes.
 */
export type FormErrors = Partial<Record<string, string>>;

/** Every text field, as typed, to put back into the form; passwords are never echoed. */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) {
    if (typeof value === "string" && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

/** Every value of every field (a checkbox group sends its name once per ticked box). */
export function formLists(form: FormData): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  for (const [key, value] of form) {
    if (typeof value === "string" && !/password/i.test(key)) (lists[key] ??= []).push(value);
  }
  return lists;
}

/**
 * Validates a submitted form with its zod schema: the data, or the first message per field.
 * Fields named in `lists` reach the schema as arrays of every value sent (checkbox groups,
 * multiple selects); the others as their last value.
 */
export function validateForm<S extends z.ZodType>(
  form: FormData,
  schema: S,
  options: { lists?: readonly string[] } = {},
): { ok: true; data: z.infer<S> } | { ok: false; errors: FormErrors } {
  const input: Record<string, unknown> = Object.fromEntries(form);
  for (const name of options.lists ?? []) input[name] = form.getAll(name).filter((v): v is string => typeof v === "string");
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: FormErrors = {};
  for (const issue of result.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return { ok: false, errors };
}

/** Reads the form, treating a body that is not a form as an empty one (no 500). */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}
