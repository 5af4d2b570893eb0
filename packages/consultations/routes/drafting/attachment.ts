import { notFound } from "@commons/plugin-sdk/server";
import { contentDisposition, localStorage } from "@commons/storage";
import { consultationForPerson, consultationGuard } from "../../src/access.server.ts";
import { requireId, type RouteArgs } from "../../src/drafting/access.server.ts";

/**
 * A consultation's document, for those who may see the consultation: the secretariat, or
 * its recipients once it is open (consultationForPerson decides, on every download). Always
 * served as an attachment with nosniff, so nothing uploaded is ever rendered from our origin.
 */
export async function loader(args: RouteArgs) {
  const consultationId = requireId(args.params.consultationId);
  const attachmentId = requireId(args.params.attachmentId);
  const file = await consultationGuard(args, async (ctx) => {
    if (!(await consultationForPerson(ctx, consultationId))) throw notFound();
    const row = await ctx.db.consultationsAttachment.findFirst({ where: { id: attachmentId, consultationId }, select: { storageKey: true, fileName: true, contentType: true } });
    if (!row) throw notFound();
    return row;
  });
  const stored = await localStorage().get(file.storageKey);
  if (!stored) throw notFound();
  return new Response(stored.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      // Text is checked as UTF-8 on upload, so it is served as such.
      "Content-Type": file.contentType.startsWith("text/") ? `${file.contentType}; charset=utf-8` : file.contentType,
      "Content-Length": String(stored.bytes.byteLength),
      "Content-Disposition": contentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
