import type { MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "@commons/ui";
import { readForm } from "@commons/plugin-sdk/forms";
import { done, invalid } from "@commons/plugin-sdk/forms/server";
import { enterForum, forumNav, guard, requireId, type RouteArgs } from "../../src/access.server.ts";
import { PERMISSIONS } from "../../src/constants.ts";
import { ForumSettingsForm, Feedback, failureOf, type ActionResult } from "../../src/spaces/components.tsx";
import { ForumNav, forumLinks } from "../../src/spaces/forum-nav.tsx";
import { spacesT, useSpacesT } from "../../src/spaces/i18n.ts";
import { setArchived, settingsValues, updateForum } from "../../src/spaces/settings.server.ts";

export const meta: MetaFunction = () => [{ title: `${spacesT()("forums.spaces.settings.title")} · Commons` }];
export const links = forumLinks;

// Managers reach the settings before accepting the rules: they may be there to fix them.
export async function loader(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  return guard(args, PERMISSIONS.manage, async (ctx) => {
    const entry = await enterForum(ctx, forumId, { rulesGate: false });
    return { forumNav: forumNav(ctx, entry), values: settingsValues(entry.forum), member: ctx.nav };
  });
}

export async function action(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const form = await readForm(args.request);
  return guard(args, PERMISSIONS.manage, async (ctx) => {
    await enterForum(ctx, forumId, { rulesGate: false });
    const t = spacesT(ctx.person.locale);
    if (form.get("intent") === "archive" || form.get("intent") === "reopen") {
      const archive = form.get("intent") === "archive";
      await setArchived(ctx, forumId, archive);
      return done(form, t(archive ? "forums.spaces.settings.archived" : "forums.spaces.settings.reopened"));
    }
    const saved = await updateForum(ctx, forumId, form, t);
    if (!saved.ok) return invalid(form, saved.errors);
    return done(form, t(saved.rulesChanged ? "forums.spaces.settings.savedRulesChanged" : "forums.spaces.settings.saved"));
  });
}

export default function ForumSettings() {
  const t = useSpacesT();
  const { forumNav: nav, values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const failure = failureOf(result, "save");
  return (
    <main id="main">
      <ForumNav nav={nav} current="settings" />
      <h2>{t("forums.spaces.settings.title")}</h2>
      <Feedback result={result} intent="save" />
      <ForumSettingsForm key={result?.ok ? result.notice : "save"} values={failure?.values ?? values} errors={failure?.errors ?? {}} submit={t("forums.spaces.settings.submit")} />
      <h2>{t(nav.archived ? "forums.spaces.settings.reopenTitle" : "forums.spaces.settings.archiveTitle")}</h2>
      <Feedback result={result} intent={nav.archived ? "archive" : "reopen"} />
      <p>{t(nav.archived ? "forums.spaces.settings.reopenLede" : "forums.spaces.settings.archiveLede")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value={nav.archived ? "reopen" : "archive"} />
        <Button variant="secondary">{t(nav.archived ? "forums.spaces.settings.reopen" : "forums.spaces.settings.archive")}</Button>
      </Form>
    </main>
  );
}
