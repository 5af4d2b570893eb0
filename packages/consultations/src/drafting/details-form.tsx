import { useRef, type FormEvent } from "react";
import { Form } from "@remix-run/react";
import { Button, CheckboxField, CheckboxGroup, ErrorSummary, RadioGroup, TextAreaField, TextField } from "@commons/ui";
import { AUDIENCE_KINDS, MODES, VISIBILITIES } from "../constants.ts";
import type { DraftingT } from "./i18n.ts";

/** The form's values as typed (or as stored), strings and lists only. */
export interface DetailsValues {
  title: string;
  purpose: string;
  background: string;
  audienceKind: string;
  regions: string[];
  sectors: string[];
  themes: string[];
  includeStakeholders: boolean;
  mode: string;
  visibility: string;
  opensAt: string;
  deadline: string;
  reminderHours: string;
}

/** What an action answers when the form comes back (a mistake, or a background preview). */
export interface DetailsFailure {
  ok: false;
  form: string;
  errors: Partial<Record<string, string>>;
  formError?: string;
  values: Record<string, string>;
  lists: Record<string, string[]>;
  previewHtml?: string;
}

/** The stored or default values, overridden by what was just typed when the form came back. */
export function detailsValues(stored: DetailsValues, failure: DetailsFailure | undefined): DetailsValues {
  if (!failure) return stored;
  const v = failure.values;
  return {
    title: v.title ?? "",
    purpose: v.purpose ?? "",
    background: v.background ?? "",
    audienceKind: v.audienceKind ?? stored.audienceKind,
    regions: failure.lists.regions ?? [],
    sectors: failure.lists.sectors ?? [],
    themes: failure.lists.themes ?? [],
    includeStakeholders: v.includeStakeholders === "on",
    mode: v.mode ?? stored.mode,
    visibility: v.visibility ?? stored.visibility,
    opensAt: v.opensAt ?? "",
    deadline: v.deadline ?? "",
    reminderHours: v.reminderHours ?? "",
  };
}

const LIST_NAMES = ["regions", "sectors", "themes"] as const;
/** The filtered audience comes last, so its boxes can unfold right under it. */
const AUDIENCE_SHOWN = [...AUDIENCE_KINDS.filter((k) => k !== "FILTERED"), "FILTERED" as const];

interface Props {
  t: DraftingT;
  values: DetailsValues;
  failure: DetailsFailure | undefined;
  status: "DRAFT" | "SCHEDULED" | "OPEN" | "CLOSED";
  choices: { regions: string[]; sectors: string[]; themes: string[] };
  zone: string;
  pickedCount: number;
  submitLabel: string;
}

/**
 * The consultation's details: texts, audience, answering mode, visibility and timing. Fields
 * that are fixed for the consultation's status are shown as text, not as controls.
 */
export function DetailsForm({ t, values, failure, status, choices, zone, pickedCount, submitLabel }: Props) {
  const errors = failure?.errors ?? {};
  const draft = status === "DRAFT";
  const closed = status === "CLOSED";
  const filter = (name: "regions" | "sectors" | "themes") =>
    choices[name].length ? (
      <CheckboxGroup key={name} name={name} legend={t(`consultations.drafting.form.${name}`)} options={choices[name].map((v) => ({ value: v, label: v }))} defaultValues={values[name]} error={errors[name]} />
    ) : (
      <p key={name}>
        <strong>{t(`consultations.drafting.form.${name}`)}</strong>: {t("consultations.drafting.form.noChoices")}
      </p>
    );
  const filters = useRef<HTMLDetailsElement>(null);
  // Choosing the filtered audience shows its boxes at once (with JavaScript; without, the summary opens them).
  const openFilters = (event: FormEvent<HTMLFormElement>) => {
    const input = event.target as HTMLInputElement;
    if (input.name === "audienceKind" && input.value === "FILTERED" && filters.current) filters.current.open = true;
  };
  return (
    <>
      <ErrorSummary title={t("consultations.drafting.form.errorSummary")} errors={errors} formError={failure?.formError} />
      <Form method="post" noValidate className="narrow" onChange={openFilters} key={failure ? `failed-${JSON.stringify(failure.values).length}` : "form"}>
        <fieldset>
          <legend>
            <h2>{t("consultations.drafting.form.about")}</h2>
          </legend>
          <TextField name="title" label={t("consultations.drafting.form.title")} defaultValue={values.title} error={errors.title} maxLength={200} required />
          <TextAreaField name="purpose" label={t("consultations.drafting.form.purpose")} hint={t("consultations.drafting.form.purposeHint")} defaultValue={values.purpose} error={errors.purpose} rows={3} maxLength={2000} />
          <TextAreaField name="background" label={t("consultations.drafting.form.background")} hint={t("consultations.drafting.form.backgroundHint")} defaultValue={values.background} error={errors.background} rows={12} maxLength={20000} />
          {failure?.previewHtml !== undefined ? (
            <section aria-labelledby="background-preview" className="markdown-preview">
              <h3 id="background-preview">{t("consultations.drafting.form.backgroundPreview")}</h3>
              <div className="markdown" dangerouslySetInnerHTML={{ __html: failure.previewHtml }} />
            </section>
          ) : null}
        </fieldset>

        <fieldset>
          <legend>
            <h2>{t("consultations.drafting.form.audience")}</h2>
          </legend>
          {draft ? (
            <>
              <RadioGroup
                name="audienceKind"
                legend={t("consultations.drafting.form.audienceKind")}
                defaultValue={values.audienceKind}
                error={errors.audienceKind}
                options={AUDIENCE_SHOWN.map((k) => ({
                  value: k,
                  label: t(`consultations.drafting.form.audience.${k}`),
                  hint: k === "FILTERED" ? t("consultations.drafting.form.filtersHint") : k === "PICKED" ? t("consultations.drafting.form.pickedHint", { count: pickedCount }) : undefined,
                }))}
              />
              {/* Closed unless used: some thirty boxes would make the form very long on a phone. Without
                  JavaScript the summary still opens it, and the boxes are always sent with the form. */}
              <details className="audience-filters" ref={filters} open={values.audienceKind === "FILTERED" || LIST_NAMES.some((n) => errors[n])}>
                <summary>{t("consultations.drafting.form.filters", { count: values.regions.length + values.sectors.length + values.themes.length })}</summary>
                {LIST_NAMES.map(filter)}
              </details>
              <CheckboxField name="includeStakeholders" label={t("consultations.drafting.form.includeStakeholders")} defaultChecked={values.includeStakeholders} />
              <RadioGroup
                name="mode"
                legend={t("consultations.drafting.form.mode")}
                defaultValue={values.mode}
                error={errors.mode}
                options={MODES.map((m) => ({ value: m, label: t(`consultations.drafting.form.mode.${m}`), hint: t(`consultations.drafting.form.mode.${m}.hint`) }))}
              />
              <RadioGroup
                name="visibility"
                legend={t("consultations.drafting.form.visibility")}
                defaultValue={values.visibility}
                error={errors.visibility}
                options={VISIBILITIES.map((v) => ({ value: v, label: t(`consultations.drafting.form.visibility.${v}`), hint: t(`consultations.drafting.form.visibility.${v}.hint`) }))}
              />
            </>
          ) : (
            <>
              <p>{t("consultations.drafting.form.lockedAudience")}</p>
              <ul>
                <li>{t(`consultations.drafting.form.audience.${values.audienceKind as "ALL"}`)}</li>
                {values.regions.length ? <li>{`${t("consultations.drafting.form.regions")}: ${values.regions.join(", ")}`}</li> : null}
                {values.sectors.length ? <li>{`${t("consultations.drafting.form.sectors")}: ${values.sectors.join(", ")}`}</li> : null}
                {values.themes.length ? <li>{`${t("consultations.drafting.form.themes")}: ${values.themes.join(", ")}`}</li> : null}
                {values.includeStakeholders ? <li>{t("consultations.drafting.form.includeStakeholders")}</li> : null}
                <li>{t(`consultations.drafting.form.mode.${values.mode as "PERSON"}`)}</li>
                <li>{`${t(`consultations.drafting.form.visibility.${values.visibility as "ANONYMOUS"}`)}: ${t(`consultations.drafting.form.visibility.${values.visibility as "ANONYMOUS"}.hint`)}`}</li>
              </ul>
            </>
          )}
        </fieldset>

        {closed ? null : (
          <fieldset>
            <legend>
              <h2>{t("consultations.drafting.form.timing")}</h2>
            </legend>
            {draft || status === "SCHEDULED" ? (
              <TextField name="opensAt" type="datetime-local" label={t("consultations.drafting.form.opensAt")} hint={t("consultations.drafting.form.opensAtHint", { zone })} defaultValue={values.opensAt} error={errors.opensAt} />
            ) : null}
            <TextField name="deadline" type="datetime-local" label={t("consultations.drafting.form.deadline")} hint={t("consultations.drafting.form.deadlineHint", { zone })} defaultValue={values.deadline} error={errors.deadline} />
            <TextAreaField name="reminderHours" label={t("consultations.drafting.form.reminderHours")} hint={t("consultations.drafting.form.reminderHoursHint")} defaultValue={values.reminderHours} error={errors.reminderHours} rows={3} maxLength={200} />
          </fieldset>
        )}
        {/* Save comes first, so Enter in a field saves; the preview shows under the background field. */}
        <div className="inline-actions">
          <Button name="intent" value="save">
            {submitLabel}
          </Button>
          <Button name="intent" value="preview" variant="secondary">
            {t("consultations.drafting.form.previewBackground")}
          </Button>
        </div>
      </Form>
    </>
  );
}
