import { localStorage } from "@commons/storage";
import { notFound } from "@commons/plugin-sdk/server";
import { directoryGuard, requireId, type RouteArgs } from "../../src/directory/access.server.ts";
import { findViewableOrganisation } from "../../src/directory/profile.server.ts";

/**
 * An organisation's logo, for whoever may see its profile. Served as an attachment with
 * nosniff and a locked-down CSP, so the bytes are never run or rendered as a page from
 * our origin; the ETag is the storage key's own id (a new logo gets a new key).
 */
export async function loader(args: RouteArgs) {
  const id = requireId(args.params.organisationId);
  const key = await directoryGuard(args, async (ctx, viewer) => (await findViewableOrganisation(ctx.db, viewer, id)).logoKey);
  if (!key) throw notFound();
  const etag = `"${key.split("/").at(-1)}"`;
  const headers = new Headers({
    ETag: etag,
    "Cache-Control": "private, max-age=86400",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Content-Disposition": 'attachment; filename="logo"',
  });
  const match = args.request.headers.get("if-none-match");
  if (match && match.split(",").some((m) => m.trim().replace(/^W\//, "") === etag)) return new Response(null, { status: 304, headers });
  const file = await localStorage().get(key);
  if (!file) throw notFound();
  headers.set("Content-Type", file.contentType);
  headers.set("Content-Length", String(file.bytes.byteLength));
  return new Response(file.bytes as Uint8Array<ArrayBuffer>, { status: 200, headers });
}
