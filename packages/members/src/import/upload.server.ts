import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { readForm } from "@commons/plugin-sdk/forms";
import { MAX_UPLOAD_BYTES } from "./parse.server.ts";

/** Room for the form's other fields and the multipart boundaries around the file. */
const ENVELOPE_BYTES = 64 * 1024;

class BodyTooLarge extends Error {}

/** Passes the body on until it exceeds `limit` bytes, then fails the stream: nothing past it is read. */
function capped(body: ReadableStream<Uint8Array>, limit: number) {
  const state = { seen: 0, exceeded: false };
  const stream = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        state.seen += chunk.byteLength;
        if (state.seen <= limit) return controller.enqueue(chunk);
        state.exceeded = true;
        controller.error(new BodyTooLarge());
      },
    }),
  );
  return { stream, state };
}

export type Upload = { ok: true; form: FormData } | { ok: false; problem: "tooLarge" };

/**
 * Reads the upload form without ever holding more than the limit: a declared length over
 * it is refused before reading, and a body that grows past it (chunked, or lying about its
 * length) is cut off while streaming. A body that is not multipart reads as a form without
 * a file, so the page can say which field is missing.
 */
export async function readUpload(request: Request): Promise<Upload> {
  const limit = MAX_UPLOAD_BYTES + ENVELOPE_BYTES;
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) return { ok: false, problem: "tooLarge" };
  if (!/^multipart\/form-data/i.test(request.headers.get("content-type") ?? "") || !request.body) return { ok: true, form: await readForm(request) };
  const { stream, state } = capped(request.body, limit);
  const body = new Request(request.url, { method: request.method, headers: request.headers, body: stream, duplex: "half" } as RequestInit);
  try {
    const form = await unstable_parseMultipartFormData(body, unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }));
    return { ok: true, form };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError || error instanceof BodyTooLarge || state.exceeded) return { ok: false, problem: "tooLarge" };
    // A broken multipart body: treat it as a form without a file.
    return { ok: true, form: new FormData() };
  }
}
