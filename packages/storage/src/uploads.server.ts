import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";

/**
 * Reading uploads before anything is stored: the form read while streaming with its sizes
 * capped, a file's type taken from its name (never from what the browser declared) and
 * checked against its bytes.
 */

export class FormTooLargeError extends Error {
  constructor() {
    super("The form is larger than the server accepts.");
    this.name = "FormTooLargeError";
  }
}

export interface UploadedFile {
  /** The form field the file came under. */
  field: string;
  /** The name as the browser sent it (clean it with cleanFileName before showing or storing it). */
  fileName: string;
  size: number;
  /** null when the file went past `fileMax`: read to its end and dropped. */
  bytes: Uint8Array | null;
}

export interface UploadLimits {
  /** The fields whose files are kept; files under any other name are read and dropped. */
  fileFields: readonly string[];
  /** A file's bytes are kept up to this; a larger one comes back with `bytes: null`. */
  fileMax: number;
  /** A text part larger than this is not one of our forms: FormTooLargeError. */
  textMax: number;
  /** The whole body, declared or streamed: past it reading stops with FormTooLargeError. */
  bodyMax: number;
}

/**
 * Reads a form sent urlencoded or as multipart/form-data, keeping each file's bytes up to
 * `fileMax` so that what was typed still comes back to the form when a file is too large.
 * A file input left empty sends no file. A body that is not a well-formed form reads as an
 * empty one, never a 500; one past the limits throws FormTooLargeError (a 413 for the caller).
 */
export async function readUploadForm(request: Request, limits: UploadLimits): Promise<{ form: FormData; files: UploadedFile[] }> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limits.bodyMax) throw new FormTooLargeError();
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
    const limit = filename === undefined ? limits.textMax : limits.fileMax;
    for await (const chunk of data) {
      size += chunk.byteLength;
      total += chunk.byteLength;
      // Far past the limit (a body sent without its length, or lying about it): stop reading.
      if (total > limits.bodyMax) throw new FormTooLargeError();
      if (size <= limit) chunks.push(chunk);
    }
    if (filename === undefined) {
      if (size > limit) throw new FormTooLargeError();
      return new TextDecoder().decode(concat(chunks));
    }
    // An empty file input sends a part with no file name and no bytes.
    if (!limits.fileFields.includes(name) || (filename === "" && size === 0)) return undefined;
    files.push({ field: name, fileName: filename, size, bytes: size > limit ? null : concat(chunks) });
    return undefined;
  };
  try {
    return { form: await unstable_parseMultipartFormData(request, handler), files };
  } catch (error) {
    if (error instanceof FormTooLargeError) throw error;
    return { form: new FormData(), files: [] };
  }
}

/** What a form with one file field brought: no file, an empty one, one too large, or its bytes. */
export type SingleUpload = { kind: "none" } | { kind: "empty" } | { kind: "too-large" } | { kind: "file"; fileName: string; bytes: Uint8Array };

/** The file of a one-file form (the last one sent, should a body carry several). */
export function singleUpload(files: readonly UploadedFile[]): SingleUpload {
  const file = files.at(-1);
  if (!file) return { kind: "none" };
  if (file.size === 0) return { kind: "empty" };
  return file.bytes ? { kind: "file", fileName: file.fileName, bytes: file.bytes } : { kind: "too-large" };
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

/** The content type a file name's extension stands for in `types`, or null when it is not accepted. */
export function typeByName(fileName: string, types: Readonly<Record<string, string>>): string | null {
  const extension = fileName.includes(".") ? fileName.split(".").at(-1)!.toLowerCase() : "";
  return Object.hasOwn(types, extension) ? types[extension]! : null;
}

/**
 * A file name safe to store and to send back in a header: no folders, no control characters
 * or quotes, spaces folded, at most `max` characters (the extension kept).
 */
export function cleanFileName(name: string, max = 150, fallback = "document"): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, "").replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean || fallback;
  const dot = clean.lastIndexOf(".");
  const ext = dot > 0 ? clean.slice(dot) : "";
  return clean.slice(0, max - ext.length) + ext;
}

/** Content-Disposition for a download: always an attachment, the name in ASCII and in UTF-8 (RFC 6266). */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\;]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
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

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const OOXML_PART: Record<string, string> = {
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "word/",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xl/",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "ppt/",
};

/**
 * Whether the bytes really are the type the name says: PDF and images by their signatures;
 * old Office files are OLE containers; OOXML and OpenDocument files are ZIPs holding their
 * own markers; text and CSV are UTF-8 without NUL bytes. Anything else (an HTML page renamed
 * .pdf, an executable renamed .docx) is refused at the door, whatever it is served as.
 */
export function contentMatches(contentType: string, bytes: Uint8Array): boolean {
  const starts = (signature: string, at = 0) => ascii(bytes, at, signature.length) === signature;
  const zip = bytes.length > 30 && starts("PK\u0003\u0004");
  if (contentType in OOXML_PART) return zip && contains(bytes, "[Content_Types].xml") && contains(bytes, OOXML_PART[contentType]!);
  if (contentType.startsWith("application/vnd.oasis.opendocument.")) return zip && ascii(bytes, 30, 8) === "mimetype" && contains(bytes.subarray(0, 200), contentType);
  switch (contentType) {
    case "application/pdf":
      return starts("%PDF-");
    case "image/png":
      return starts("\u0089PNG\r\n\u001a\n");
    case "image/jpeg":
      return starts("\u00ff\u00d8\u00ff");
    case "image/webp":
      return starts("RIFF") && starts("WEBP", 8);
    case "application/msword":
    case "application/vnd.ms-excel":
    case "application/vnd.ms-powerpoint":
      return starts("\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1");
    case "text/plain":
    case "text/csv":
      return isUtf8Text(bytes);
    default:
      return false;
  }
}

/** The image type the bytes really are (PNG, JPEG or WebP); null for anything else, SVG included (it can carry scripts). */
export function sniffImage(bytes: Uint8Array): "image/png" | "image/jpeg" | "image/webp" | null {
  return (["image/png", "image/jpeg", "image/webp"] as const).find((type) => contentMatches(type, bytes)) ?? null;
}
