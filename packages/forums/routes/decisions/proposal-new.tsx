import type { MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { readForm, validateForm } from "@commons/plugin-sdk/forms";
import { formError, invalid } from "@commons/plugin-sdk/forms/server";
import { notFound } from "@commons/plugin-sdk/server";
import { Button, SelectField, TextAreaField, TextField } from "@commons/ui";
import { enterForum, forumNav, guard, requireId, type RouteArgs } from "../../src/access.server.ts";
import { PERMISSIONS } from "../../src/constants.ts";
import { Feedback, RuleSummary, failureOf, type ActionResult, decisionsLinks } from "../../src/decisions/components.tsx";
import { electorate } from "../../src/decisions/electorate.server.ts";
import { decisionsT, useDecisionsT } from "../../src/decisions/i18n.ts";
import { BODY_MAX, mayTable, proposalSchema, tableProposal, TITLE_MAX } from "../../src/decisions/proposals.server.ts";
import { safeZone, toLocalInput } from "@commons/i18n";
import { ForumNav } from "../../src/spaces/forum-nav.tsx";

export const links = decisionsLinks;

export const meta: MetaFunction = () => [{ title: `${decisionsT()("forums.decisions.proposal.new.title")} · Commons` }];

const DAY = 86_400_000;

export async function loader(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  return guard(args, PERMISSIONS.takePart, async (ctx) => {
    const entry = await enterForum(ctx, forumId, { request: args.request });
    if (!mayTable(entry)) throw notFound();
    const f = entry.forum;
    const zone = safeZone(ctx.settings.timezone);
    const voters = await electorate(ctx.db, f.id, f);
    const now = new Date();
    return {
      nav: forumNav(ctx, entry),
      zone,
      archived: !!f.archivedAt,
      votingDays: f.votingDays,
      defaults: { opensAt: toLocalInput(now, zone), closesAt: toLocalInput(new Date(now.getTime() + f.votingDays * DAY), zone) },
      rule: { voteUnit: f.voteUnit, options: "CONSENT" as const, quorumPercent: f.quorumPercent, thresholdPercent: f.thresholdPercent, blocksStop: f.blocksStop, stakeholdersVote: f.stakeholdersVote, publicVotes: f.publicVotes },
      eligible: voters.keys.size,
      // Through the loader: nothing of a .server module may reach the browser bundle.
      limits: { title: TITLE_MAX, body: BODY_MAX },
      member: ctx.nav,
    };
  });
}

export async function action(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const form = await readForm(args.request);
  return guard(args, PERMISSIONS.takePart, async (ctx) => {
    const entry = await enterForum(ctx, forumId);
    if (!mayTable(entry)) throw notFound();
    const t = decisionsT(ctx.person.locale);
    if (entry.forum.archivedAt) return formError(form, t("forums.decisions.proposal.error.archived"), 409);
    const parsed = validateForm(form, proposalSchema(t, safeZone(ctx.settings.timezone), new Date()));
    if (!parsed.ok) return invalid(form, parsed.errors);
    const proposal = await tableProposal(ctx.db, ctx.tenant.id, entry, ctx.person.id, parsed.data);
    return redirect(`/c/${ctx.tenant.slug}/forums/${forumId}/proposals/${proposal.id}`);
  });
}

export default function NewProposal() {
  const t = useDecisionsT();
  const { nav, zone, defaults, rule, eligible, votingDays, limits } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const failure = failureOf(result, "table");
  const value = (name: string, fallback = "") => failure?.values[name] ?? fallback;
  return (
    <main id="main">
      <ForumNav nav={nav} current="record" title={t("forums.decisions.proposal.new.title")} inside />
      <Feedback result={result} intent="table" />
      <RuleSummary rule={rule} eligible={eligible} heading={t("forums.decisions.proposal.new.ruleHeading")} />
      <p>{t("forums.decisions.proposal.new.ruleCopied")}</p>
      <Form method="post" noValidate className="narrow">
        <input type="hidden" name="intent" value="table" />
        <TextField name="title" label={t("forums.decisions.proposal.field.title")} maxLength={limits.title} required defaultValue={value("title")} error={failure?.errors.title} />
        <TextAreaField name="body" label={t("forums.decisions.proposal.field.body")} hint={t("forums.decisions.markdownHint")} rows={10} maxLength={limits.body} required defaultValue={value("body")} error={failure?.errors.body} />
        <SelectField
          name="options"
          label={t("forums.decisions.proposal.field.options")}
          options={[
            { value: "CONSENT", label: t("forums.decisions.proposal.options.CONSENT") },
            { value: "CHOICE", label: t("forums.decisions.proposal.options.CHOICE") },
          ]}
          defaultValue={value("options", "CONSENT")}
          error={failure?.errors.options}
        />
        <TextAreaField name="choices" label={t("forums.decisions.proposal.field.choices")} hint={t("forums.decisions.proposal.field.choicesHint")} rows={4} defaultValue={value("choices")} error={failure?.errors.choices} />
        <SelectField
          name="opens"
          label={t("forums.decisions.proposal.field.opens")}
          options={[
            { value: "now", label: t("forums.decisions.proposal.opens.now") },
            { value: "at", label: t("forums.decisions.proposal.opens.at") },
          ]}
          defaultValue={value("opens", "now")}
          error={failure?.errors.opens}
        />
        <TextField name="opensAt" type="datetime-local" label={t("forums.decisions.proposal.field.opensAt", { zone })} hint={t("forums.decisions.proposal.field.opensAtHint")} defaultValue={value("opensAt", defaults.opensAt)} error={failure?.errors.opensAt} />
        <TextField name="closesAt" type="datetime-local" label={t("forums.decisions.proposal.field.closesAt", { zone })} hint={t("forums.decisions.proposal.field.closesAtHint", { days: votingDays })} defaultValue={value("closesAt", defaults.closesAt)} error={failure?.errors.closesAt} />
        <Button>{t("forums.decisions.proposal.new.submit")}</Button>
      </Form>
    </main>
  );
}
