import type { MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { done, formError, invalid } from "@commons/plugin-sdk/forms/server";
import { readForm } from "@commons/plugin-sdk/forms";
import { notFound } from "@commons/plugin-sdk/server";
import { Button } from "@commons/ui";
import { enterForum, forumNav, guard, requireId, type Ctx, type RouteArgs } from "../../src/threads/access.server.ts";
import { failureOf, PostPage, postHref, ReasonField, threadLinks, type ActionResult } from "../../src/threads/components.tsx";
import { threadsT, useThreadsT } from "../../src/threads/i18n.ts";
import { REASON_MAX } from "../../src/threads/limits.ts";
import { checkReason, errorsOf } from "../../src/threads/post-form.server.ts";
import { postAndThread } from "../../src/threads/posts.server.ts";

export const links = threadLinks;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? threadsT()("forums.threads.flag.title", { number: data.post.number, thread: data.thread.title }) : ""} · Commons` }];

/** Any participant may flag another's post that is still shown. */
async function flaggable(ctx: Ctx, forumId: string, postId: string) {
  const { post, thread } = await postAndThread(ctx.db, forumId, postId);
  if (post.authorId === ctx.person.id || post.hiddenAt) throw notFound();
  return { post, thread };
}

export async function loader(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const postId = requireId(args.params.postId);
  return guard(args, async (ctx) => {
    const entry = await enterForum(ctx, forumId, { request: args.request });
    const { post, thread } = await flaggable(ctx, forumId, postId);
    return { nav: forumNav(ctx, entry), post: { id: post.id, number: post.number }, thread: { id: thread.id, title: thread.title }, member: ctx.nav };
  });
}

export async function action(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const postId = requireId(args.params.postId);
  const form = await readForm(args.request);
  return guard(args, async (ctx) => {
    const t = threadsT(ctx.person.locale);
    await enterForum(ctx, forumId);
    const { post } = await flaggable(ctx, forumId, postId);
    const reason = checkReason(t, form);
    const errors = errorsOf({ reason: reason.error });
    if (errors) return invalid(form, errors);
    // One flag per person per post: the unique key decides, without aborting the transaction.
    const created = await ctx.db.forumFlag.createMany({
      data: [{ tenantId: ctx.tenant.id, forumId, postId: post.id, userId: ctx.person.id, reason: reason.reason }],
      skipDuplicates: true,
    });
    if (!created.count) return formError(form, t("forums.threads.error.alreadyFlagged"), 409);
    return done(form, t("forums.threads.flag.done"));
  });
}

export default function FlagPost() {
  const t = useThreadsT();
  const { nav, post, thread } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  return (
    <PostPage nav={nav} title={t("forums.threads.flag.title", { number: post.number, thread: thread.title })} result={result} back={postHref(nav, thread.id, post.number)}>
      {result?.ok ? null : (
        <>
          <p>{t("forums.threads.flag.intro")}</p>
          <Form method="post" noValidate className="narrow">
            <ReasonField failure={failureOf(result, "")} maxLength={REASON_MAX} />
            <Button>{t("forums.threads.flag.submit")}</Button>
          </Form>
        </>
      )}
    </PostPage>
  );
}
