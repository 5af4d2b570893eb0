import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";

/** The documents a consultation may carry, by extension: the type they are served as, and how their bytes are recognised. */
export const ATTACHMENT_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  txt: "text/plain",
  csv: "text/csv",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
} as const;

export type AttachmentExtension = keyof typeof ATTACHMENT_TYPES;

export const MAX_ATTACHMENTS = 20;

export type Upload =
  | { kind: "none" }
  | { kind: "empty" }
  | { kind: "too-large" }
  | { kind: "file"; fileName: string; bytes: Uint8Array };

/** What a form may carry besides its file (an intent, the multipart headers). */
export const BODY_SLACK = 64 * 1024;

class BodyTooLarge extends Error {}

/** The text fields of the upload form are tiny (an intent); anything bigger is not our form. */
const TEXT_PART_MAX = 4 * 1024;

/**
 * Reads an upload form, keeping the file's bytes up to `maxBytes`. A larger file is read to
 * its end and dropped (too-large: nothing is stored, the page says why). A body that is not
 * a well-formed form reads as an empty one, never a 500.
 */
export async function readUpload(request: Request, maxBytes: number, fileField = "file"): Promise<{ form: FormData; upload: Upload }> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    try {
      return { form: await request.formData(), upload: { kind: "none" } };
    } catch {
      return { form: new FormData(), upload: { kind: "none" } };
    }
  }
  let upload: Upload = { kind: "none" };
  let total = 0;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const limit = filename === undefined ? TEXT_PART_MAX : maxBytes;
    for await (const chunk of data) {
      size += chunk.byteLength;
      total += chunk.byteLength;
      // Far past the limit (a body sent without its length): stop reading altogether.
      if (total > maxBytes + BODY_SLACK) throw new BodyTooLarge();
      if (size <= limit) chunks.push(chunk);
    }
    if (filename === undefined) return size > limit ? undefined : new TextDecoder().decode(concat(chunks));
    if (name !== fileField) return undefined;
    if (size === 0) upload = filename === "" ? { kind: "none" } : { kind: "empty" };
    else upload = size > limit ? { kind: "too-large" } : { kind: "file", fileName: filename, bytes: concat(chunks) };
    return undefined;
  };
  try {
    return { form: await unstable_parseMultipartFormData(request, handler), upload };
  } catch (error) {
    return { form: new FormData(), upload: { kind: error instanceof BodyTooLarge ? "too-large" : "none" } };
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** A file name safe to store and to send back in a header: no folders, no control characters, at most 150 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, "").replace(/\s+/g, " ").trim();
  if (clean.length <= 150) return clean || "document";
  const dot = clean.lastIndexOf(".");
  const ext = dot > 0 ? clean.slice(dot) : "";
  return clean.slice(0, 150 - ext.length) + ext;
}

export function extensionOf(fileName: string): AttachmentExtension | null {
  const ext = fileName.toLowerCase().split(".").pop() ?? "";
  return ext in ATTACHMENT_TYPES && fileName.includes(".") ? (ext as AttachmentExtension) : null;
}

const ascii = (bytes: Uint8Array, from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length));

/** Whether the bytes contain an ASCII marker (the file names inside a ZIP's headers are stored as they are). */
function contains(bytes: Uint8Array, marker: string): boolean {
  const first = marker.charCodeAt(0);
  outer: for (let i = bytes.indexOf(first); i !== -1 && i <= bytes.length - marker.length; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < marker.length; j++) if (bytes[i + j] !== marker.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

/**
 * Whether the bytes really are the kind of file the name says: PDF, PNG and JPEG by their
 * signatures; Office and OpenDocument files are ZIPs holding their own markers; text and
 * CSV are UTF-8 without NUL bytes. Anything else (an HTML or SVG page renamed .pdf, an
 * executable renamed .docx) is refused.
 */
export function contentMatches(ext: AttachmentExtension, bytes: Uint8Array): boolean {
  const zip = bytes.length > 30 && ascii(bytes, 0, 4) === "PK\u0003\u0004";
  switch (ext) {
    case "pdf":
      return ascii(bytes, 0, 5) === "%PDF-";
    case "png":
      return ascii(bytes, 0, 8) === "\u0089PNG\r\n\u001a\n";
    case "jpg":
    case "jpeg":
      return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
    case "docx":
      return zip && contains(bytes, "[Content_Types].xml") && contains(bytes, "word/");
    case "xlsx":
      return zip && contains(bytes, "[Content_Types].xml") && contains(bytes, "xl/");
    case "odt":
      return zip && ascii(bytes, 30, 8) === "mimetype" && contains(bytes.subarray(0, 200), "application/vnd.oasis.opendocument.text");
    case "ods":
      return zip && ascii(bytes, 30, 8) === "mimetype" && contains(bytes.subarray(0, 200), "application/vnd.oasis.opendocument.spreadsheet");
    case "txt":
    case "csv":
      if (bytes.includes(0)) return false;
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        return true;
      } catch {
        return false;
      }
  }
}

/** Content-Disposition for a download: always an attachment, the name in ASCII and in UTF-8 (RFC 6266). */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\;]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
