import { Form } from "@remix-run/react";
import { Button, SelectField, TextAreaField, TextField } from "@commons/ui";
import { useDecisionsT } from "./i18n.ts";
import type { ActionResult } from "./components.tsx";
import { failureOf } from "./components.tsx";

export interface MeetingFormValues {
  title: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  place: string;
  link: string;
  agenda: string;
}

/** The meeting form (new and edit): times typed in the zone chosen beside them. */
export function MeetingForm({ values, zones, result, submit }: { values: MeetingFormValues; zones: readonly string[]; result: ActionResult; submit: string }) {
  const t = useDecisionsT();
  const failure = failureOf(result, "meeting");
  const value = (name: keyof MeetingFormValues) => failure?.values[name] ?? values[name];
  return (
    <Form method="post" noValidate className="narrow">
      <input type="hidden" name="intent" value="meeting" />
      <TextField name="title" label={t("forums.decisions.meeting.field.title")} required maxLength={200} defaultValue={value("title")} error={failure?.errors.title} />
      <SelectField name="timezone" label={t("forums.decisions.meeting.field.timezone")} hint={t("forums.decisions.meeting.field.timezoneHint")} options={zones.map((z) => ({ value: z, label: z }))} defaultValue={value("timezone")} error={failure?.errors.timezone} />
      <TextField name="startsAt" type="datetime-local" label={t("forums.decisions.meeting.field.startsAt")} required defaultValue={value("startsAt")} error={failure?.errors.startsAt} />
      <TextField name="endsAt" type="datetime-local" label={t("forums.decisions.meeting.field.endsAt")} required defaultValue={value("endsAt")} error={failure?.errors.endsAt} />
      <TextField name="place" label={t("forums.decisions.meeting.field.place")} maxLength={300} defaultValue={value("place")} error={failure?.errors.place} />
      <TextField name="link" type="url" label={t("forums.decisions.meeting.field.link")} hint={t("forums.decisions.meeting.field.linkHint")} maxLength={500} defaultValue={value("link")} error={failure?.errors.link} />
      <TextAreaField name="agenda" label={t("forums.decisions.meeting.field.agenda")} hint={t("forums.decisions.meeting.field.agendaHint")} rows={6} defaultValue={value("agenda")} error={failure?.errors.agenda} />
      <Button>{submit}</Button>
    </Form>
  );
}
