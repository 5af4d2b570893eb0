import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { readForm, validateForm } from "@commons/plugin-sdk/forms";
import { done, formError, invalid, type FormFailure } from "@commons/plugin-sdk/forms/server";
import { formatDateTime } from "@commons/i18n";
import { Button, ErrorSummary, Notice, Pagination, SelectField, Table } from "@commons/ui";
import { guard, type RouteArgs } from "../../src/access.server.ts";
import { PERMISSIONS } from "../../src/constants.ts";
import { notificationsT, useLocale, useNotificationsT } from "../../src/notifications/i18n.ts";
import { digestSchema, preferencesOf, saveDigest } from "../../src/notifications/preferences.server.ts";
import type { ChoiceRow } from "../../src/notifications/preferences.server.ts";

export const meta: MetaFunction = () => [{ title: `${notificationsT()("forums.notifications.page.title")} · Commons` }];

function pageParam(request: Request): number {
  const page = Number(new URL(request.url).searchParams.get("page") ?? 1);
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}

export async function loader(args: RouteArgs) {
  const page = pageParam(args.request);
  return guard(args, PERMISSIONS.takePart, async (ctx) => {
    const preferences = await preferencesOf(ctx, page);
    return { slug: ctx.tenant.slug, coalition: ctx.tenant.name, page, ...preferences, member: ctx.nav };
  });
}

export async function action(args: RouteArgs) {
  const form = await readForm(args.request);
  return guard(args, PERMISSIONS.takePart, async ({ db, tenant, person }) => {
    const t = notificationsT(person.locale);
    if (form.get("intent") !== "digest") return formError(form, t("forums.notifications.page.unknownAction"));
    const parsed = validateForm(form, digestSchema(t("forums.notifications.page.digestInvalid")));
    if (!parsed.ok) return invalid(form, parsed.errors);
    await saveDigest(db, tenant.id, person.id, parsed.data.frequency);
    return done(form, t("forums.notifications.page.digestSaved", { frequency: t(`forums.notifications.page.digest${parsed.data.frequency}`) }));
  });
}

type ActionResult = (FormFailure & { ok: false }) | { ok: true; notice: string } | undefined;

export default function NotificationPreferences() {
  const t = useNotificationsT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const failure = result && !result.ok ? result : undefined;
  const base = `/c/${data.slug}/forums`;
  const columns = [
    {
      header: t("forums.notifications.page.where"),
      cell: (row: ChoiceRow) =>
        row.threadId ? (
          <Link to={`${base}/${row.forumId}/threads/${row.threadId}`}>{t("forums.notifications.page.threadIn", { thread: row.thread ?? "", forum: row.forum })}</Link>
        ) : (
          <Link to={`${base}/${row.forumId}`}>{t("forums.notifications.page.wholeForum", { forum: row.forum })}</Link>
        ),
    },
    { header: t("forums.notifications.page.level"), cell: (row: ChoiceRow) => t(`forums.notifications.level.${row.level}`) },
  ];
  return (
    <main id="main">
      <h1>{t("forums.notifications.page.title")}</h1>
      <p className="lede">{t("forums.notifications.page.lede", { coalition: data.coalition })}</p>
      {data.emailUpdates ? null : (
        <Notice tone="warning">
          {t("forums.notifications.page.emailUpdatesOff", { coalition: data.coalition })}{" "}
          <Link to={`/c/${data.slug}/members/me`}>{t("forums.notifications.page.emailUpdatesLink")}</Link>
        </Notice>
      )}

      <h2>{t("forums.notifications.page.digestTitle")}</h2>
      {result?.ok ? <Notice tone="success">{result.notice}</Notice> : null}
      <ErrorSummary title={t("forums.notifications.page.digestTitle")} errors={failure?.errors} formError={failure?.formError} />
      <Form method="post" className="narrow" key={`digest-${data.frequency}`}>
        <input type="hidden" name="intent" value="digest" />
        <SelectField
          name="frequency"
          label={t("forums.notifications.page.digestLegend")}
          hint={t("forums.notifications.page.digestHint")}
          options={(["NONE", "DAILY", "WEEKLY"] as const).map((value) => ({ value, label: t(`forums.notifications.page.digest${value}`) }))}
          defaultValue={failure?.values.frequency ?? data.frequency}
          error={failure?.errors.frequency}
        />
        <Button>{t("forums.notifications.page.digestSave")}</Button>
      </Form>
      {data.lastSentAt ? <p className="muted">{t("forums.notifications.page.digestLast", { date: formatDateTime(data.lastSentAt, locale) })}</p> : null}

      <h2>{t("forums.notifications.page.levelsTitle")}</h2>
      <Table columns={columns} rows={data.choices} rowKey={(row) => row.id} empty={t("forums.notifications.page.levelsEmpty")} caption={t("forums.notifications.page.levelsCaption")} />
      {data.pages > 1 ? (
        <Pagination
          page={data.page}
          pages={data.pages}
          hrefFor={(p) => `${base}/notifications?page=${p}`}
          labels={{
            nav: t("forums.notifications.page.levelsCaption"),
            previous: t("forums.notifications.page.previous"),
            next: t("forums.notifications.page.next"),
            status: t("forums.notifications.page.status", { page: data.page, pages: data.pages }),
          }}
        />
      ) : null}
    </main>
  );
}
