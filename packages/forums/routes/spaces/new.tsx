import { redirect, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { readForm } from "@commons/plugin-sdk/forms";
import { invalid } from "@commons/plugin-sdk/forms/server";
import { forumPath, guard, type RouteArgs } from "../../src/access.server.ts";
import { PERMISSIONS } from "../../src/constants.ts";
import { ForumSettingsForm, Feedback, failureOf, type ActionResult } from "../../src/spaces/components.tsx";
import { forumLinks } from "../../src/spaces/forum-nav.tsx";
import { spacesT, useSpacesT } from "../../src/spaces/i18n.ts";
import { NEW_FORUM_VALUES } from "../../src/spaces/fields.ts";
import { createForum } from "../../src/spaces/settings.server.ts";

export const meta: MetaFunction = () => [{ title: `${spacesT()("forums.spaces.new.title")} · Commons` }];
export const links = forumLinks;

export async function loader(args: RouteArgs) {
  return guard(args, PERMISSIONS.manage, async (ctx) => ({ slug: ctx.tenant.slug, values: NEW_FORUM_VALUES, member: ctx.nav }));
}

/** Creates the forum and goes on to its participants, the next thing a new forum needs. */
export async function action(args: RouteArgs) {
  const form = await readForm(args.request);
  return guard(args, PERMISSIONS.manage, async (ctx) => {
    const saved = await createForum(ctx, form, spacesT(ctx.person.locale));
    if (!saved.ok) return invalid(form, saved.errors);
    return redirect(forumPath(ctx.tenant.slug, saved.forumId, "participants"));
  });
}

export default function NewForum() {
  const t = useSpacesT();
  // The defaults come through the loader: a .server module cannot reach the browser bundle.
  const { slug, values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const failure = failureOf(result, "save");
  return (
    <main id="main">
      <p>
        <Link to={`/c/${slug}/forums`}>{t("forums.spaces.nav.allForums")}</Link>
      </p>
      <h1>{t("forums.spaces.new.title")}</h1>
      <p className="lede">{t("forums.spaces.new.lede")}</p>
      <Feedback result={result} intent="save" />
      <ForumSettingsForm values={failure?.values ?? values} errors={failure?.errors ?? {}} submit={t("forums.spaces.new.submit")} />
    </main>
  );
}
