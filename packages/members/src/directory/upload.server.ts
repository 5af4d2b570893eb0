import { readUploadForm, singleUpload } from "@commons/storage";

// The streaming reader and the image check are @commons/storage's.
export { FormTooLargeError, sniffImage } from "@commons/storage";

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

/**
 * Reads a profile form sent as multipart/form-data (or urlencoded, without a file),
 * keeping the logo's bytes in memory up to LOGO_MAX_BYTES. A larger logo is read to its
 * end and dropped, so the rest of what was typed still comes back to the form; nothing is
 * stored here. Files under any other name are ignored.
 */
export async function readProfileForm(request: Request, fileField = "logo"): Promise<{ form: FormData; logo: LogoUpload }> {
  const { form, files } = await readUploadForm(request, { fileFields: [fileField], fileMax: LOGO_MAX_BYTES, textMax: TEXT_PART_MAX, bodyMax: BODY_MAX });
  return { form, logo: singleUpload(files) };
}
