import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { MAX_FILES } from "./limits.ts";

/** The most any coalition may allow per file (settings.attachmentMaxMegabytes is at most 50). */
const FILE_CEILING = 50 * 1024 * 1024;
/** A text part: far above the post's own limit, so zod still gives the message. */
const TEXT_PART_MAX = 256 * 1024;
/** The whole form: above this we stop reading and answer 413. */
const BODY_MAX = MAX_FILES * FILE_CEILING + 1024 * 1024;

/**
 * What may be attached, by the file name's extension. The stored type comes from this list,
 * never from what the browser declared; files are served as downloads with nosniff and a
 * sandboxing CSP, so none is ever run or rendered from our origin.
 */
export const ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ppt: "application/vnd.ms-powerpoint",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odp: "application/vnd.oasis.opendocument.presentation",
  txt: "text/plain",
  csv: "text/csv",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
};

export const ACCEPT = Object.keys(ATTACHMENT_TYPES)
  .map((e) => `.${e}`)
  .join(",");

export interface UploadedFile {
  fileName: string;
  size: number;
  /** null when the bytes went past the ceiling and were dropped. */
  bytes: Uint8Array | null;
}

export class FormTooLargeError extends Error {
  constructor() {
    super("The form is larger than the server accepts.");
    this.name = "FormTooLargeError";
  }
}

/**
 * Reads a post form, urlencoded or multipart with files under "attachments". Files past the
 * ceiling are read to their end and dropped, so the text still comes back to the form.
 */
export async function readPostForm(request: Request): Promise<{ form: FormData; files: UploadedFile[] }> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > BODY_MAX) throw new FormTooLargeError();
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    try {
      return { form: await request.formData(), files: [] };
    } catch {
      return { form: new FormData(), files: [] };
    }
  }
  const files: UploadedFile[] = [];
  let total = 0;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const limit = filename === undefined ? TEXT_PART_MAX : FILE_CEILING;
    for await (const chunk of data) {
      size += chunk.byteLength;
      total += chunk.byteLength;
      if (total > BODY_MAX) throw new FormTooLargeError();
      if (size <= limit) chunks.push(chunk);
    }
    if (filename === undefined) {
      if (size > limit) throw new FormTooLargeError();
      return new TextDecoder().decode(concat(chunks, size));
    }
    // An empty file input sends a part with no name and no bytes.
    if (name !== "attachments" || (filename === "" && size === 0)) return undefined;
    files.push({ fileName: cleanFileName(filename), size, bytes: size > limit ? null : concat(chunks, size) });
    return undefined;
  };
  try {
    return { form: await unstable_parseMultipartFormData(request, handler), files };
  } catch (error) {
    if (error instanceof FormTooLargeError) throw error;
    return { form: new FormData(), files: [] };
  }
}

/** The name shown and sent back on download: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(-200);
  return clean || "file";
}

/**
 * Do the bytes look like the type the name says? Office formats are ZIP (OOXML, OpenDocument)
 * or OLE containers, images and PDF have their signatures, text must be UTF-8 without NULs.
 * Stops an executable or an HTML page renamed to ".pdf" at the door, whatever it is served as.
 */
export function contentMatches(contentType: string, bytes: Uint8Array): boolean {
  const starts = (sig: number[], at = 0) => bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
  const zip = starts([0x50, 0x4b, 0x03, 0x04]);
  const ole = starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  switch (contentType) {
    case "application/pdf":
      return starts([0x25, 0x50, 0x44, 0x46, 0x2d]);
    case "image/png":
      return starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case "image/jpeg":
      return starts([0xff, 0xd8, 0xff]);
    case "image/webp":
      return starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8);
    case "application/msword":
    case "application/vnd.ms-excel":
    case "application/vnd.ms-powerpoint":
      return ole;
    case "text/plain":
    case "text/csv":
      return isText(bytes);
    default:
      // OOXML and OpenDocument files are ZIP archives.
      return zip;
  }
}

function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The stored content type for a file name, or null when the type is not accepted. */
export function attachmentType(fileName: string): string | null {
  const extension = fileName.includes(".") ? fileName.split(".").at(-1)!.toLowerCase() : "";
  return ATTACHMENT_TYPES[extension] ?? null;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(Math.min(size, chunks.reduce((n, c) => n + c.byteLength, 0)));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
