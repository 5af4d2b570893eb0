import { redirect, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { formError, invalid } from "@commons/plugin-sdk/forms/server";
import { Button, TextField } from "@commons/ui";
import { ForumNav } from "../../src/spaces/forum-nav.tsx";
import { enterForum, forumNav, guard, requireId, type RouteArgs } from "../../src/threads/access.server.ts";
import { failureOf, Feedback, PostFields, threadLinks, type ActionResult } from "../../src/threads/components.tsx";
import { threadsT, useThreadsT } from "../../src/threads/i18n.ts";
import { TITLE_MAX, TITLE_MIN } from "../../src/threads/limits.ts";
import { attachFiles, checkBody, checkFiles, checkTitle, errorsOf, hitUploadLimits, onlyTooLarge, withUpload } from "../../src/threads/post-form.server.ts";
import { addThread } from "../../src/threads/posts.server.ts";
import { ACCEPT } from "../../src/threads/upload.server.ts";

export const links = threadLinks;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${threadsT()("forums.threads.new.title", { forum: data?.nav.name ?? "" })} · Commons` }];

export async function loader(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  return guard(args, async (ctx) => {
    const entry = await enterForum(ctx, forumId, { request: args.request });
    return { nav: forumNav(ctx, entry), maxMegabytes: ctx.settings.attachmentMaxMegabytes, accept: ACCEPT, member: ctx.nav };
  });
}

export async function action(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  return withUpload(args.request, (read, written) =>
    guard(args, async (ctx) => {
      const t = threadsT(ctx.person.locale);
      const entry = await enterForum(ctx, forumId);
      if (!read) return formError(new FormData(), t("forums.threads.error.formTooLarge"), 413);
      const { form, files } = read;
      if (entry.forum.archivedAt) return formError(form, t("forums.threads.error.archived"), 409);
      const title = checkTitle(t, form);
      const body = checkBody(t, form);
      const errors = errorsOf({ title: title.error, body: body.error, attachments: checkFiles(t, files, ctx.settings.attachmentMaxMegabytes) });
      if (errors) return invalid(form, errors, onlyTooLarge(errors, files, ctx.settings.attachmentMaxMegabytes) ? 413 : 400);
      if (files.length) {
        const limit = await hitUploadLimits(ctx.person.id, args.context);
        if (!limit.allowed) return formError(form, t("forums.threads.error.tooManyUploads", { minutes: Math.ceil(limit.retryAfterSeconds / 60) }), 429);
      }
      const created = await addThread(ctx, forumId, title.title, body.body);
      await attachFiles(ctx, created.postId, files, written);
      return redirect(`/c/${ctx.tenant.slug}/forums/${forumId}/threads/${created.threadId}`);
    }),
  );
}

export default function NewThread() {
  const t = useThreadsT();
  const { nav, maxMegabytes, accept } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const failure = failureOf(result, "");
  return (
    <main id="main">
      <ForumNav nav={nav} current="discussions" inside title={t("forums.threads.new.title", { forum: nav.name })} />
      <Feedback result={result} />
      <Form method="post" encType="multipart/form-data" noValidate className="narrow">
        <TextField
          name="title"
          label={t("forums.threads.field.title")}
          hint={t("forums.threads.field.titleHint", { min: TITLE_MIN, max: TITLE_MAX })}
          defaultValue={failure?.values.title}
          error={failure?.errors.title}
          maxLength={TITLE_MAX}
        />
        <PostFields failure={failure} maxMegabytes={maxMegabytes} accept={accept} />
        <Button>{t("forums.threads.new.submit")}</Button>
      </Form>
      <p>
        <Link to={`/c/${nav.slug}/forums/${nav.forumId}`}>{t("forums.threads.new.back", { forum: nav.name })}</Link>
      </p>
    </main>
  );
}
