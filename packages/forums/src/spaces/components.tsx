import { Form } from "@remix-run/react";
import { Button, CheckboxField, FormFeedback, SelectField, TextAreaField, TextField, type FormResult } from "@commons/ui";
import { useSpacesT, type SpacesT } from "./i18n.ts";

/** What a spaces action returns, as the page receives it. */
export { failureOf, formKey, type FormResult as ActionResult } from "@commons/ui";

/** The success notice and, for the form that failed, its error summary. */
export function Feedback({ result, intent }: { result: FormResult; intent: string }) {
  const t = useSpacesT();
  return <FormFeedback result={result} intent={intent} errorTitle={t("forums.spaces.form.errorSummaryTitle")} />;
}

export interface DecisionRule {
  voteUnit: "ORGANISATION" | "PERSON";
  quorumPercent: number;
  thresholdPercent: number;
  blocksStop: boolean;
  stakeholdersVote: boolean;
  publicVotes: boolean;
  votingDays: number;
  participantsPropose: boolean;
}

/** The decision rule in plain words, one sentence per part. */
export function decisionRuleSentences(t: SpacesT, rule: DecisionRule): string[] {
  return [
    t(rule.participantsPropose ? "forums.spaces.rule.proposers.participants" : "forums.spaces.rule.proposers.moderators"),
    t(rule.voteUnit === "ORGANISATION" ? "forums.spaces.rule.unit.ORGANISATION" : "forums.spaces.rule.unit.PERSON"),
    t(rule.stakeholdersVote ? "forums.spaces.rule.stakeholders.vote" : "forums.spaces.rule.stakeholders.noVote"),
    t("forums.spaces.rule.window", { days: rule.votingDays }),
    rule.quorumPercent > 0 ? t("forums.spaces.rule.quorum", { percent: rule.quorumPercent }) : t("forums.spaces.rule.noQuorum"),
    t("forums.spaces.rule.threshold", { percent: rule.thresholdPercent }),
    t(rule.blocksStop ? "forums.spaces.rule.blocks.stop" : "forums.spaces.rule.blocks.count"),
    t(rule.publicVotes ? "forums.spaces.rule.votes.public" : "forums.spaces.rule.votes.secret"),
  ];
}

export function DecisionRuleSummary({ rule }: { rule: DecisionRule }) {
  const t = useSpacesT();
  return (
    <ul>
      {decisionRuleSentences(t, rule).map((sentence) => (
        <li key={sentence}>{sentence}</li>
      ))}
    </ul>
  );
}

/**
 * The forum's settings form (new forum and settings page): what it is, who may enter, and
 * the decision rule proposals are voted by, each part explained where it is chosen.
 */
export function ForumSettingsForm({ values, errors, submit }: { values: Record<string, string>; errors: Partial<Record<string, string>>; submit: string }) {
  const t = useSpacesT();
  const checked = (name: string) => values[name] === "on" || values[name] === "true";
  return (
    <Form method="post" noValidate className="narrow">
      <input type="hidden" name="intent" value="save" />
      <TextField name="name" label={t("forums.spaces.field.name")} defaultValue={values.name} error={errors.name} maxLength={120} />
      <TextAreaField name="purpose" label={t("forums.spaces.field.purpose")} hint={t("forums.spaces.hint.purpose")} defaultValue={values.purpose} error={errors.purpose} rows={3} />
      <TextAreaField name="rules" label={t("forums.spaces.field.rules")} hint={t("forums.spaces.hint.rules")} defaultValue={values.rules} error={errors.rules} rows={10} />
      <SelectField
        name="access"
        label={t("forums.spaces.field.access")}
        hint={t("forums.spaces.hint.access")}
        defaultValue={values.access}
        error={errors.access}
        options={[
          { value: "INVITATION", label: t("forums.spaces.access.INVITATION") },
          { value: "OPEN", label: t("forums.spaces.access.OPEN") },
        ]}
      />
      <CheckboxField name="publicRecord" label={t("forums.spaces.field.publicRecord")} hint={t("forums.spaces.hint.publicRecord")} defaultChecked={checked("publicRecord")} error={errors.publicRecord} />
      <fieldset>
        <legend>{t("forums.spaces.settings.ruleLegend")}</legend>
        <p className="field__hint">{t("forums.spaces.settings.ruleLede")}</p>
        <SelectField
          name="proposers"
          label={t("forums.spaces.field.proposers")}
          defaultValue={values.proposers}
          error={errors.proposers}
          options={[
            { value: "participants", label: t("forums.spaces.proposers.participants") },
            { value: "moderators", label: t("forums.spaces.proposers.moderators") },
          ]}
        />
        <SelectField
          name="voteUnit"
          label={t("forums.spaces.field.voteUnit")}
          hint={t("forums.spaces.hint.voteUnit")}
          defaultValue={values.voteUnit}
          error={errors.voteUnit}
          options={[
            { value: "ORGANISATION", label: t("forums.spaces.voteUnit.ORGANISATION") },
            { value: "PERSON", label: t("forums.spaces.voteUnit.PERSON") },
          ]}
        />
        <TextField name="quorumPercent" inputMode="numeric" label={t("forums.spaces.field.quorumPercent")} hint={t("forums.spaces.hint.quorumPercent")} defaultValue={values.quorumPercent} error={errors.quorumPercent} />
        <TextField name="thresholdPercent" inputMode="numeric" label={t("forums.spaces.field.thresholdPercent")} hint={t("forums.spaces.hint.thresholdPercent")} defaultValue={values.thresholdPercent} error={errors.thresholdPercent} />
        <TextField name="votingDays" inputMode="numeric" label={t("forums.spaces.field.votingDays")} hint={t("forums.spaces.hint.votingDays")} defaultValue={values.votingDays} error={errors.votingDays} />
        <CheckboxField name="blocksStop" label={t("forums.spaces.field.blocksStop")} hint={t("forums.spaces.hint.blocksStop")} defaultChecked={checked("blocksStop")} error={errors.blocksStop} />
        <CheckboxField name="stakeholdersVote" label={t("forums.spaces.field.stakeholdersVote")} hint={t("forums.spaces.hint.stakeholdersVote")} defaultChecked={checked("stakeholdersVote")} error={errors.stakeholdersVote} />
        <CheckboxField name="publicVotes" label={t("forums.spaces.field.publicVotes")} hint={t("forums.spaces.hint.publicVotes")} defaultChecked={checked("publicVotes")} error={errors.publicVotes} />
      </fieldset>
      <Button>{submit}</Button>
    </Form>
  );
}
