import { z } from "zod";
import type { ModuleServer } from "@commons/plugin-sdk/server";
import type { settings } from "../settings.ts";
import type { ThreadsT } from "./i18n.ts";
import { MODERATION_EVENTS } from "./events.ts";
import { pageOfNumber } from "./posts.server.ts";

type Server = Pick<ModuleServer<typeof settings>, "subscribers" | "emails" | "jobs">;
type Subscriber = NonNullable<Server["subscribers"]>[string];

const moderated = z.object({ postId: z.guid() });

/** Emails a post's author what a moderator did to it, with the post's link. */
function tellAuthor(template: "post-hidden" | "post-restored"): Subscriber {
  return async (event, { db, email, moduleUrl }) => {
    const { postId } = moderated.parse(event.payload);
    const post = await db.forumPost.findFirst({ where: { id: postId }, select: { authorId: true, number: true, threadId: true, forumId: true, hiddenReason: true, hiddenAt: true } });
    if (!post) return;
    // Restored again before the mail went out (or hidden again): say only what is still true.
    if ((template === "post-hidden") !== (post.hiddenAt !== null)) return;
    const [thread, forum] = await Promise.all([
      db.forumThread.findFirst({ where: { id: post.threadId }, select: { title: true } }),
      db.forum.findFirst({ where: { id: post.forumId }, select: { name: true } }),
    ]);
    if (!thread || !forum) return;
    const url = moduleUrl(`${post.forumId}/threads/${post.threadId}?page=${pageOfNumber(post.number)}#post-${post.number}`);
    await email(post.authorId, template, { forum: forum.name, thread: thread.title, number: post.number, reason: post.hiddenReason, url });
  };
}

/** The threads area's part of the module's server entry: its subscribers, email templates and jobs. */
export const threadsServer: Server = {
  subscribers: {
    [MODERATION_EVENTS.postHidden]: tellAuthor("post-hidden"),
    [MODERATION_EVENTS.postRestored]: tellAuthor("post-restored"),
  },
  emails: {
    "post-hidden": (data, t) => {
      const tt = t as ThreadsT;
      return { subject: tt("forums.threads.mail.hidden.subject", data), text: tt("forums.threads.mail.hidden.text", data) };
    },
    "post-restored": (data, t) => {
      const tt = t as ThreadsT;
      return { subject: tt("forums.threads.mail.restored.subject", data), text: tt("forums.threads.mail.restored.text", data) };
    },
  },
  jobs: {},
};
