import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { readForm, validateForm } from "@commons/plugin-sdk/forms";
import { done, fieldError, formError, invalid } from "@commons/plugin-sdk/forms/server";
import { hitInviteLimit } from "@commons/members/invitations";
import { Button, CheckboxGroup, SelectField, Table, TextAreaField, TextField } from "@commons/ui";
import { enterForum, forumNav, guard, participantsOf, requireId, type Ctx, type RouteArgs } from "../../src/access.server.ts";
import { PERMISSIONS } from "../../src/constants.ts";
import { Feedback, failureOf, formKey, type ActionResult } from "../../src/spaces/components.tsx";
import { AFFILIATION_KINDS, REASON_MAX } from "../../src/spaces/fields.ts";
import { ForumNav, forumLinks } from "../../src/spaces/forum-nav.tsx";
import { spacesT, useSpacesT, type SpacesT } from "../../src/spaces/i18n.ts";
import {
  addOrganisations,
  addPeople,
  inviteStakeholder,
  participantRows,
  pendingStakeholders,
  removeParticipant,
  restoreParticipant,
  searchOrganisations,
  searchPeople,
  setModerator,
  type ParticipantRow,
} from "../../src/spaces/participants.server.ts";

export const meta: MetaFunction = () => [{ title: `${spacesT()("forums.spaces.participants.title")} · Commons` }];
export const links = forumLinks;

/** An empty list of what `fn` would have found (for people who may not see it). */
const none = <F extends (...args: never[]) => Promise<unknown[]>>(): Awaited<ReturnType<F>> => [] as unknown as Awaited<ReturnType<F>>;

const search = (value: string | null) => (value ?? "").trim().slice(0, 100);

export async function loader(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const url = new URL(args.request.url);
  const oq = search(url.searchParams.get("oq"));
  const pq = search(url.searchParams.get("pq"));
  const removeId = url.searchParams.get("remove");
  // A person in through their organisation has no row of their own: other pages (a post's
  // author) link here with their user id.
  const removePerson = url.searchParams.get("removePerson");
  return guard(args, PERMISSIONS.takePart, async (ctx) => {
    const entry = await enterForum(ctx, forumId, { request: args.request });
    const moderate = entry.canModerate;
    const [rows, organisations, people, pending] = await Promise.all([
      participantRows(ctx.db, forumId, { includeRemoved: moderate }),
      moderate ? searchOrganisations(ctx.db, forumId, oq) : none<typeof searchOrganisations>(),
      moderate ? searchPeople(ctx.db, forumId, pq) : none<typeof searchPeople>(),
      moderate ? pendingStakeholders(ctx.db, forumId) : none<typeof pendingStakeholders>(),
    ]);
    const row = moderate && removeId ? rows.find((r) => r.id === removeId && !r.removed) : undefined;
    let removing: { participantId: string | null; userId: string | null; name: string } | null = row ? { participantId: row.id, userId: null, name: row.name } : null;
    if (moderate && !removing && removePerson && z.uuid().safeParse(removePerson).success) {
      const person = (await participantsOf(ctx.db, forumId)).find((p) => p.userId === removePerson);
      if (person) removing = { participantId: null, userId: person.userId, name: person.name };
    }
    return {
      forumNav: forumNav(ctx, entry),
      open: entry.forum.access === "OPEN",
      moderate,
      manager: entry.standing === "manager",
      rows,
      organisations,
      people,
      pending,
      oq,
      pq,
      removing,
      member: ctx.nav,
    };
  });
}

function reasonSchema(t: SpacesT) {
  return z
    .string(t("forums.spaces.participants.reasonRequired"))
    .trim()
    .min(3, t("forums.spaces.participants.reasonRequired"))
    .max(REASON_MAX, t("forums.spaces.form.tooLong", { max: REASON_MAX }));
}

function inviteSchema(t: SpacesT) {
  return z.object({
    email: z
      .string(t("forums.spaces.invite.emailInvalid"))
      .trim()
      .toLowerCase()
      .pipe(z.email(t("forums.spaces.invite.emailInvalid")).max(254, t("forums.spaces.invite.emailInvalid"))),
    name: z.string(t("forums.spaces.invite.nameRequired")).trim().min(1, t("forums.spaces.invite.nameRequired")).max(120, t("forums.spaces.form.tooLong", { max: 120 })),
    kind: z.enum(AFFILIATION_KINDS, t("forums.spaces.form.choose")),
    affiliation: z.string(t("forums.spaces.invite.affiliationRequired")).trim().min(2, t("forums.spaces.invite.affiliationRequired")).max(160, t("forums.spaces.form.tooLong", { max: 160 })),
  });
}

async function act(ctx: Ctx, forumId: string, form: FormData, request: Request) {
  const entry = await enterForum(ctx, forumId, { request });
  // Only managers and the forum's moderators change who is in it: to anyone else, no such page.
  if (!entry.canModerate) return formError(form, spacesT(ctx.person.locale)("forums.spaces.participants.notAllowed"), 403);
  const t = spacesT(ctx.person.locale);
  const intent = String(form.get("intent") ?? "");
  const ids = (name: string) => form.getAll(name).map((v) => requireId(v));
  switch (intent) {
    case "addOrganisations": {
      const chosen = ids("organisationIds");
      if (!chosen.length) return fieldError(form, "organisationIds", t("forums.spaces.participants.chooseSome"));
      const count = await addOrganisations(ctx, entry, chosen);
      return done(form, count ? t("forums.spaces.participants.added", { count }) : t("forums.spaces.participants.alreadyAll"));
    }
    case "addPeople": {
      const chosen = ids("userIds");
      if (!chosen.length) return fieldError(form, "userIds", t("forums.spaces.participants.chooseSome"));
      const count = await addPeople(ctx, entry, chosen);
      return done(form, count ? t("forums.spaces.participants.added", { count }) : t("forums.spaces.participants.alreadyAll"));
    }
    case "invite": {
      const parsed = validateForm(form, inviteSchema(t));
      if (!parsed.ok) return invalid(form, parsed.errors);
      const { email, name, kind, affiliation } = parsed.data;
      const limit = await hitInviteLimit(ctx.person.id);
      if (!limit.allowed) return formError(form, t("forums.spaces.invite.rateLimited", { minutes: Math.ceil(limit.retryAfterSeconds / 60) }), 429);
      const outcome = await inviteStakeholder(ctx, entry, { email, name, affiliation: `${t(`forums.spaces.kind.${kind}`)}: ${affiliation}` });
      if (outcome === "is-member") return fieldError(form, "email", t("forums.spaces.invite.isMember"));
      if (outcome === "invited-other-role") return fieldError(form, "email", t("forums.spaces.invite.invitedOtherRole"));
      if (outcome === "already-in") return fieldError(form, "email", t("forums.spaces.invite.alreadyIn"));
      return done(form, t(outcome === "added" ? "forums.spaces.invite.added" : "forums.spaces.invite.sent", { email, name }));
    }
    case "moderator": {
      const participantId = requireId(form.get("participantId"));
      const on = form.get("on") === "1";
      const result = await setModerator(ctx, entry, participantId, on);
      if (result !== "done") return formError(form, t("forums.spaces.participants.moderatorPeopleOnly"));
      return done(form, t(on ? "forums.spaces.participants.moderatorNamed" : "forums.spaces.participants.moderatorUnnamed"));
    }
    case "remove": {
      const who = form.get("userId") ? { userId: requireId(form.get("userId")) } : { participantId: requireId(form.get("participantId")) };
      const reason = reasonSchema(t).safeParse(form.get("reason"));
      if (!reason.success) return fieldError(form, "reason", reason.error.issues[0]?.message ?? t("forums.spaces.participants.reasonRequired"));
      const result = await removeParticipant(ctx, entry, who, reason.data);
      if (result === "not-allowed") return formError(form, t("forums.spaces.participants.removeNotAllowed"), 403);
      if (result === "already-removed") return formError(form, t("forums.spaces.participants.alreadyRemoved"), 409);
      return done(form, t("forums.spaces.participants.removed"));
    }
    case "restore": {
      const participantId = requireId(form.get("participantId"));
      if (!(await restoreParticipant(ctx, entry, participantId))) return formError(form, t("forums.spaces.participants.notRemoved"), 409);
      return done(form, t("forums.spaces.participants.restored"));
    }
    default:
      return formError(form, t("forums.spaces.form.unknownAction"));
  }
}

export async function action(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const form = await readForm(args.request);
  return guard(args, PERMISSIONS.takePart, (ctx) => act(ctx, forumId, form, args.request));
}

function RowActions({ row, here, manager }: { row: ParticipantRow; here: string; manager: boolean }) {
  const t = useSpacesT();
  if (row.removed) {
    return (
      <Form method="post" action={here} className="inline-form">
        <input type="hidden" name="intent" value="restore" />
        <input type="hidden" name="participantId" value={row.id} />
        <Button variant="link">{t("forums.spaces.participants.restore", { name: row.name })}</Button>
      </Form>
    );
  }
  return (
    <>
      {row.kind === "person" ? (
        <Form method="post" action={here} className="inline-form">
          <input type="hidden" name="intent" value="moderator" />
          <input type="hidden" name="participantId" value={row.id} />
          <input type="hidden" name="on" value={row.moderator ? "0" : "1"} />
          <Button variant="link">{t(row.moderator ? "forums.spaces.participants.unmakeModerator" : "forums.spaces.participants.makeModerator", { name: row.name })}</Button>
        </Form>
      ) : null}{" "}
      {!row.moderator || manager ? <Link to={`${here}?remove=${row.id}#remove`}>{t("forums.spaces.participants.remove", { name: row.name })}</Link> : null}
    </>
  );
}

/**
 * A list to pick from that works without JavaScript: a search (GET, keeping the other list's
 * search) narrows the choices, then ticked boxes are added in one POST.
 */
function SearchAndAdd(props: {
  here: string;
  result: ActionResult;
  title: string;
  search: { name: string; label: string; value: string; keep: Record<string, string> };
  intent: string;
  field: string;
  legend: string;
  options: { value: string; label: string }[];
}) {
  const t = useSpacesT();
  const { here, result, search } = props;
  return (
    <>
      <h2>{props.title}</h2>
      <Form method="get" action={here} className="narrow">
        {Object.entries(search.keep).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <TextField name={search.name} type="search" label={search.label} defaultValue={search.value} />
        <Button variant="secondary">{t("forums.spaces.participants.search")}</Button>
      </Form>
      <Feedback result={result} intent={props.intent} />
      {props.options.length ? (
        <Form method="post" action={here} key={formKey(result, props.intent)}>
          <input type="hidden" name="intent" value={props.intent} />
          <div className="forum-pick">
            <CheckboxGroup name={props.field} legend={props.legend} options={props.options} error={failureOf(result, props.intent)?.errors[props.field]} />
          </div>
          <Button>{t("forums.spaces.participants.addChosen")}</Button>
        </Form>
      ) : (
        <p>{t("forums.spaces.participants.noMatches")}</p>
      )}
    </>
  );
}

export default function Participants() {
  const t = useSpacesT();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  // Spelled out: forumPath lives in a .server module, which the browser bundle may not import.
  const here = `/c/${data.forumNav.slug}/forums/${data.forumNav.forumId}/participants`;
  const live = data.rows.filter((r) => !r.removed);
  const removed = data.rows.filter((r) => r.removed);
  const invite = failureOf(result, "invite");
  const actions = (row: ParticipantRow) => (data.moderate ? <RowActions row={row} here={here} manager={data.manager} /> : null);
  const actionColumn = data.moderate ? [{ header: t("forums.spaces.participants.actions"), cell: actions }] : [];
  return (
    <main id="main">
      <ForumNav nav={data.forumNav} current="participants" />
      <h2>{t("forums.spaces.participants.title")}</h2>
      {data.open ? <p>{t("forums.spaces.participants.openLede")}</p> : null}
      {["moderator", "remove", "restore"].map((intent) => (
        <Feedback key={intent} result={result} intent={intent} />
      ))}
      {data.removing ? (
        <section id="remove" aria-labelledby="remove-title">
          <h3 id="remove-title">{t("forums.spaces.participants.removeTitle", { name: data.removing.name })}</h3>
          <p>{t("forums.spaces.participants.removeLede")}</p>
          <Form method="post" action={here} noValidate className="narrow">
            <input type="hidden" name="intent" value="remove" />
            {data.removing.participantId ? <input type="hidden" name="participantId" value={data.removing.participantId} /> : null}
            {data.removing.userId ? <input type="hidden" name="userId" value={data.removing.userId} /> : null}
            <TextAreaField name="reason" label={t("forums.spaces.participants.reason")} rows={3} maxLength={REASON_MAX} defaultValue={failureOf(result, "remove")?.values.reason} error={failureOf(result, "remove")?.errors.reason} />
            <Button>{t("forums.spaces.participants.removeSubmit", { name: data.removing.name })}</Button> <Link to={here}>{t("forums.spaces.participants.cancel")}</Link>
          </Form>
        </section>
      ) : null}
      <h3>{t("forums.spaces.participants.organisations")}</h3>
      <Table
        caption={t("forums.spaces.participants.organisations")}
        rows={live.filter((r) => r.kind === "organisation")}
        rowKey={(r) => r.id}
        empty={t("forums.spaces.participants.noOrganisations")}
        columns={[{ header: t("forums.spaces.participants.name"), cell: (r) => r.name }, ...actionColumn]}
      />
      <h3>{t("forums.spaces.participants.people")}</h3>
      <Table
        caption={t("forums.spaces.participants.people")}
        rows={live.filter((r) => r.kind === "person")}
        rowKey={(r) => r.id}
        empty={t("forums.spaces.participants.noPeople")}
        columns={[
          { header: t("forums.spaces.participants.name"), cell: (r) => r.name },
          { header: t("forums.spaces.participants.organisation"), cell: (r) => r.detail },
          { header: t("forums.spaces.participants.role"), cell: (r) => (r.moderator ? t("forums.spaces.participants.moderator") : t("forums.spaces.participants.participant")) },
          ...actionColumn,
        ]}
      />
      <h3>{t("forums.spaces.participants.stakeholders")}</h3>
      <Table
        caption={t("forums.spaces.participants.stakeholders")}
        rows={live.filter((r) => r.kind === "stakeholder")}
        rowKey={(r) => r.id}
        empty={t("forums.spaces.participants.noStakeholders")}
        columns={[{ header: t("forums.spaces.participants.name"), cell: (r) => r.name }, { header: t("forums.spaces.participants.affiliation"), cell: (r) => r.detail }, ...actionColumn]}
      />
      {data.moderate ? (
        <>
          {removed.length ? (
            <>
              <h3>{t("forums.spaces.participants.removedTitle")}</h3>
              <Table
                caption={t("forums.spaces.participants.removedTitle")}
                rows={removed}
                rowKey={(r) => r.id}
                empty=""
                columns={[{ header: t("forums.spaces.participants.name"), cell: (r) => r.name }, { header: t("forums.spaces.participants.reason"), cell: (r) => r.removedReason }, ...actionColumn]}
              />
            </>
          ) : null}

          <SearchAndAdd
            here={here}
            result={result}
            title={t("forums.spaces.participants.addOrganisations")}
            search={{ name: "oq", label: t("forums.spaces.participants.searchOrganisations"), value: data.oq, keep: { pq: data.pq } }}
            intent="addOrganisations"
            field="organisationIds"
            legend={t("forums.spaces.participants.chooseOrganisations")}
            options={data.organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
          <SearchAndAdd
            here={here}
            result={result}
            title={t("forums.spaces.participants.addPeople")}
            search={{ name: "pq", label: t("forums.spaces.participants.searchPeople"), value: data.pq, keep: { oq: data.oq } }}
            intent="addPeople"
            field="userIds"
            legend={t("forums.spaces.participants.choosePeople")}
            options={data.people.map((p) => ({ value: p.userId, label: p.organisation ? `${p.name} (${p.organisation})` : p.name }))}
          />

          <h2>{t("forums.spaces.invite.title")}</h2>
          <p>{t("forums.spaces.invite.lede")}</p>
          <Feedback result={result} intent="invite" />
          <Form method="post" action={here} noValidate className="narrow" key={formKey(result, "invite")}>
            <input type="hidden" name="intent" value="invite" />
            <TextField name="email" type="email" autoComplete="off" label={t("forums.spaces.invite.email")} defaultValue={invite?.values.email} error={invite?.errors.email} />
            <TextField name="name" autoComplete="off" label={t("forums.spaces.invite.name")} defaultValue={invite?.values.name} error={invite?.errors.name} />
            <SelectField
              name="kind"
              label={t("forums.spaces.invite.kind")}
              defaultValue={invite?.values.kind ?? "government"}
              error={invite?.errors.kind}
              options={AFFILIATION_KINDS.map((k) => ({ value: k, label: t(`forums.spaces.kind.${k}`) }))}
            />
            <TextField name="affiliation" label={t("forums.spaces.invite.affiliation")} hint={t("forums.spaces.invite.affiliationHint")} defaultValue={invite?.values.affiliation} error={invite?.errors.affiliation} />
            <Button>{t("forums.spaces.invite.submit")}</Button>
          </Form>
          {data.pending.length ? (
            <>
              <h3>{t("forums.spaces.invite.pendingTitle")}</h3>
              <Table
                caption={t("forums.spaces.invite.pendingTitle")}
                rows={data.pending}
                rowKey={(p) => p.invitationId}
                empty=""
                columns={[
                  { header: t("forums.spaces.participants.name"), cell: (p) => p.name },
                  { header: t("forums.spaces.invite.email"), cell: (p) => p.email },
                  { header: t("forums.spaces.participants.affiliation"), cell: (p) => p.affiliation },
                ]}
              />
            </>
          ) : null}
        </>
      ) : null}
    </main>
  );
}
