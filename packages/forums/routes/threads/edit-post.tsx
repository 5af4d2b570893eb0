import { redirect, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { formError, invalid } from "@commons/plugin-sdk/forms/server";
import { readForm } from "@commons/plugin-sdk/forms";
import { notFound } from "@commons/plugin-sdk/server";
import { Button } from "@commons/ui";
import { enterForum, forumNav, guard, requireId, type Ctx, type ForumEntry, type RouteArgs } from "../../src/threads/access.server.ts";
import { failureOf, PostFields, PostPage, postHref, threadLinks, type ActionResult } from "../../src/threads/components.tsx";
import { threadsT, useThreadsT } from "../../src/threads/i18n.ts";
import { checkBody, errorsOf } from "../../src/threads/post-form.server.ts";
import { editPost, postAndThread } from "../../src/threads/posts.server.ts";

export const links = threadLinks;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? threadsT()("forums.threads.edit.title", { number: data.post.number, thread: data.thread.title }) : ""} · Commons` }];

/** The author edits their post while the thread is open; moderators may edit any post. */
function mayEdit(ctx: Ctx, entry: ForumEntry, post: { authorId: string }, thread: { lockedAt: Date | null }): boolean {
  return entry.canModerate || (post.authorId === ctx.person.id && !thread.lockedAt);
}

export async function loader(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const postId = requireId(args.params.postId);
  return guard(args, async (ctx) => {
    const entry = await enterForum(ctx, forumId, { request: args.request });
    const { post, thread } = await postAndThread(ctx.db, forumId, postId);
    if (!mayEdit(ctx, entry, post, thread)) throw notFound();
    return { nav: forumNav(ctx, entry), post: { id: post.id, number: post.number, body: post.body }, thread: { id: thread.id, title: thread.title }, member: ctx.nav };
  });
}

export async function action(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const postId = requireId(args.params.postId);
  const form = await readForm(args.request);
  return guard(args, async (ctx) => {
    const t = threadsT(ctx.person.locale);
    const entry = await enterForum(ctx, forumId);
    const { post, thread } = await postAndThread(ctx.db, forumId, postId);
    if (!mayEdit(ctx, entry, post, thread)) {
      if (post.authorId === ctx.person.id) return formError(form, t("forums.threads.error.locked"), 409);
      throw notFound();
    }
    const body = checkBody(t, form);
    const errors = errorsOf({ body: body.error });
    if (errors) return invalid(form, errors);
    if (body.body !== post.body) await editPost(ctx, post, body.body);
    return redirect(postHref({ slug: ctx.tenant.slug, forumId }, thread.id, post.number));
  });
}

export default function EditPost() {
  const t = useThreadsT();
  const { nav, post, thread } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  return (
    <PostPage nav={nav} title={t("forums.threads.edit.title", { number: post.number, thread: thread.title })} result={result} back={postHref(nav, thread.id, post.number)}>
      <Form method="post" noValidate className="narrow">
        <PostFields failure={failureOf(result, "")} defaultBody={post.body} />
        <Button>{t("forums.threads.edit.submit")}</Button>
      </Form>
    </PostPage>
  );
}
