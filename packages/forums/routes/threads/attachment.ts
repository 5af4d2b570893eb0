import { contentDisposition, localStorage } from "@commons/storage";
import { notFound } from "@commons/plugin-sdk/server";
import { enterForum, guard, requireId, type RouteArgs } from "../../src/threads/access.server.ts";

/**
 * A post's attachment, for whoever may read the post in its forum (a hidden post's files
 * only for its author and moderators). Served as a download with nosniff and a locked-down
 * CSP, so the bytes are never run or rendered as a page from our origin.
 */
export async function loader(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const attachmentId = requireId(args.params.attachmentId);
  const file = await guard(args, async (ctx) => {
    const entry = await enterForum(ctx, forumId, { request: args.request });
    const attachment = await ctx.db.forumPostAttachment.findFirst({ where: { id: attachmentId }, select: { postId: true, storageKey: true, fileName: true, contentType: true } });
    if (!attachment) throw notFound();
    const post = await ctx.db.forumPost.findFirst({ where: { id: attachment.postId, forumId }, select: { authorId: true, hiddenAt: true } });
    if (!post || (post.hiddenAt && !entry.canModerate && post.authorId !== ctx.person.id)) throw notFound();
    return attachment;
  });
  const stored = await localStorage().get(file.storageKey);
  if (!stored) throw notFound();
  return new Response(stored.bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(stored.bytes.byteLength),
      "Content-Disposition": contentDisposition(file.fileName),
      "Cache-Control": "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
