import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";

/** The largest logo accepted, in bytes. */
export const LOGO_MAX_BYTES = 1024 * 1024;
/** A text field of a profile form: far above any field's own limit, so zod still gives the message. */
const TEXT_PART_MAX = 64 * 1024;
/** The whole form: above this we stop reading and answer 413. */
const BODY_MAX = 4 * 1024 * 1024;

export type LogoUpload =
  | { kind: "none" }
  | { kind: "empty" }
  | { kind: "too-large" }
  | { kind: "file"; bytes: Uint8Array };

export class FormTooLargeError extends Error {
  constructor() {
    super("The form is larger than the server accepts.");
    this.name = "FormTooLargeError";
  }
}

/**
 * Reads a profile form sent as multipart/form-data (or urlencoded, without a file),
 * keeping the logo's bytes in memory up to LOGO_MAX_BYTES. A larger logo is read to its
 * end and dropped, so the rest of what was typed still comes back to the form; nothing is
 * stored here. Files under any other name are ignored.
 */
export async function readProfileForm(request: Request, fileField = "logo"): Promise<{ form: FormData; logo: LogoUpload }> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > BODY_MAX) throw new FormTooLargeError();
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    try {
      return { form: await request.formData(), logo: { kind: "none" } };
    } catch {
      return { form: new FormData(), logo: { kind: "none" } };
    }
  }
  let logo: LogoUpload = { kind: "none" };
  let total = 0;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const limit = filename === undefined ? TEXT_PART_MAX : LOGO_MAX_BYTES;
    let over = false;
    for await (const chunk of data) {
      size += chunk.byteLength;
      total += chunk.byteLength;
      if (total > BODY_MAX) throw new FormTooLargeError();
      if (size > limit) over = true;
      if (!over) chunks.push(chunk);
    }
    if (filename === undefined) {
      if (over) throw new FormTooLargeError();
      return new TextDecoder().decode(concat(chunks, size));
    }
    if (name !== fileField) return undefined;
    // A file input left empty sends a part with no name and no bytes.
    if (size === 0) logo = filename === "" ? { kind: "none" } : { kind: "empty" };
    else logo = over ? { kind: "too-large" } : { kind: "file", bytes: concat(chunks, size) };
    return undefined;
  };
  try {
    const form = await unstable_parseMultipartFormData(request, handler);
    return { form, logo };
  } catch (error) {
    if (error instanceof FormTooLargeError) throw error;
    // A body that is not a well-formed multipart form: treat it as empty, never a 500.
    return { form: new FormData(), logo: { kind: "none" } };
  }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * The image type the bytes really are (PNG, JPEG or WebP), whatever the file's name or
 * declared type say; null for anything else, SVG included (it can carry scripts).
 */
export function sniffImage(bytes: Uint8Array): "image/png" | "image/jpeg" | "image/webp" | null {
  const starts = (sig: number[], at = 0) => bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}
