import { FormTooLargeError, readUploadForm, singleUpload, type SingleUpload } from "@commons/storage";

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

export type Upload = SingleUpload;

/** What a form may carry besides its file (an intent, the multipart headers). */
export const BODY_SLACK = 64 * 1024;

/** The text fields of the upload form are tiny (an intent); anything bigger is not our form. */
const TEXT_PART_MAX = 4 * 1024;

/**
 * Reads an upload form, keeping the file's bytes up to `maxBytes`. A larger file is read to
 * its end and dropped (too-large: nothing is stored, the page says why). A body that is not
 * a well-formed form reads as an empty one, never a 500.
 */
export async function readUpload(request: Request, maxBytes: number, fileField = "file"): Promise<{ form: FormData; upload: Upload }> {
  try {
    const { form, files } = await readUploadForm(request, { fileFields: [fileField], fileMax: maxBytes, textMax: TEXT_PART_MAX, bodyMax: maxBytes + BODY_SLACK });
    return { form, upload: singleUpload(files) };
  } catch (error) {
    if (error instanceof FormTooLargeError) return { form: new FormData(), upload: { kind: "too-large" } };
    throw error;
  }
}

export function extensionOf(fileName: string): AttachmentExtension | null {
  const ext = fileName.toLowerCase().split(".").pop() ?? "";
  return ext in ATTACHMENT_TYPES && fileName.includes(".") ? (ext as AttachmentExtension) : null;
}
