import { redirect, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { invalid } from "@commons/plugin-sdk/forms/server";
import { readForm } from "@commons/plugin-sdk/forms";
import { Button } from "@commons/ui";
import { forumNav, guard, moderatedPost, requireId, type RouteArgs } from "../../src/threads/access.server.ts";
import { failureOf, PostPage, postHref, ReasonField, threadLinks, type ActionResult } from "../../src/threads/components.tsx";
import { threadsT, useThreadsT } from "../../src/threads/i18n.ts";
import { REASON_MAX } from "../../src/threads/limits.ts";
import { hidePost } from "../../src/threads/moderation.server.ts";
import { checkReason, errorsOf } from "../../src/threads/post-form.server.ts";

export const links = threadLinks;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? threadsT()("forums.threads.hide.title", { number: data.post.number, thread: data.thread.title }) : ""} · Commons` }];

/** Moderators hide a post with a reason: the author is emailed it, the activity record keeps it. */
export async function loader(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const postId = requireId(args.params.postId);
  return guard(args, async (ctx) => {
    const { entry, post, thread } = await moderatedPost(ctx, forumId, postId, { request: args.request });
    return { nav: forumNav(ctx, entry), post: { id: post.id, number: post.number, hidden: !!post.hiddenAt }, thread: { id: thread.id, title: thread.title }, member: ctx.nav };
  });
}

export async function action(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const postId = requireId(args.params.postId);
  const form = await readForm(args.request);
  return guard(args, async (ctx) => {
    const t = threadsT(ctx.person.locale);
    const { post, thread } = await moderatedPost(ctx, forumId, postId);
    const reason = checkReason(t, form);
    const errors = errorsOf({ reason: reason.error });
    if (errors) return invalid(form, errors);
    await hidePost(ctx, post, thread, reason.reason);
    return redirect(postHref({ slug: ctx.tenant.slug, forumId }, thread.id, post.number));
  });
}

export default function HidePost() {
  const t = useThreadsT();
  const { nav, post, thread } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  return (
    <PostPage nav={nav} title={t("forums.threads.hide.title", { number: post.number, thread: thread.title })} result={result} back={postHref(nav, thread.id, post.number)}>
      <p>{t("forums.threads.hide.intro")}</p>
      <Form method="post" noValidate className="narrow">
        <ReasonField failure={failureOf(result, "")} maxLength={REASON_MAX} />
        <Button>{t("forums.threads.hide.submit")}</Button>
      </Form>
    </PostPage>
  );
}
