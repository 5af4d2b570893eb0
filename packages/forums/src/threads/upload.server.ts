import { cleanFileName, readUploadForm, typeByName } from "@commons/storage";
import { MAX_FILES } from "./limits.ts";

// The size and content checks are @commons/storage's; the thread pages import them from here.
export { contentMatches, FormTooLargeError } from "@commons/storage";

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

/**
 * Reads a post form, urlencoded or multipart with files under "attachments". Files past the
 * ceiling are read to their end and dropped, so the text still comes back to the form.
 */
export async function readPostForm(request: Request): Promise<{ form: FormData; files: UploadedFile[] }> {
  const { form, files } = await readUploadForm(request, { fileFields: ["attachments"], fileMax: FILE_CEILING, textMax: TEXT_PART_MAX, bodyMax: BODY_MAX });
  return { form, files: files.map((file) => ({ fileName: cleanFileName(file.fileName, 200, "file"), size: file.size, bytes: file.bytes })) };
}

/** The stored content type for a file name, or null when the type is not accepted. */
export function attachmentType(fileName: string): string | null {
  return typeByName(fileName, ATTACHMENT_TYPES);
}
