import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "./password-limits.ts";
import type { Translate } from "@commons/i18n";
import type { PasswordProblem } from "@commons/auth";

/** Field schemas with messages in the reader's language; actions build their schema from these. */
export function fields(t: Translate) {
  const text = (field: string, max: number) =>
    z.string({ error: t("form.required", { field: field.toLowerCase() }) })
      .trim()
      .min(1, t("form.required", { field: field.toLowerCase() }))
      .max(max, t("form.tooLong", { field, max }));
  return {
    text,
    email: z
      .string({ error: t("form.required", { field: t("field.email").toLowerCase() }) })
      .trim()
      .min(1, t("form.required", { field: t("field.email").toLowerCase() }))
      .max(254, t("form.tooLong", { field: t("field.email"), max: 254 }))
      .pipe(z.email(t("form.invalidEmail")))
      .transform((e) => e.toLowerCase()),
    password: (label = t("field.password")) =>
      z
        .string({ error: t("form.required", { field: label.toLowerCase() }) })
        .min(1, t("form.required", { field: label.toLowerCase() }))
        .refine((p) => [...p].length >= PASSWORD_MIN, t("auth.password.tooShort"))
        .refine((p) => [...p].length <= PASSWORD_MAX, t("auth.password.tooLong")),
  };
}

export function passwordProblemMessage(t: Translate, problem: PasswordProblem): string {
  return t(problem === "common" ? "auth.password.common" : problem === "tooLong" ? "auth.password.tooLong" : "auth.password.tooShort");
}
