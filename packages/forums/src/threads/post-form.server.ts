import { hitRateLimits, type RateLimitResult, type RateLimitRule } from "@commons/auth";
import type { RequestContext } from "@commons/plugin-sdk/server";
import { localStorage, newStorageKey } from "@commons/storage";
import type { FormErrors } from "@commons/plugin-sdk/forms";
import type { Ctx } from "./access.server.ts";
import type { ThreadsT } from "./i18n.ts";
import { MAX_FILES, POST_MAX, REASON_MAX, TITLE_MAX, TITLE_MIN } from "./limits.ts";
import { attachmentType, contentMatches, FormTooLargeError, readPostForm, type UploadedFile } from "./upload.server.ts";

/** The post's text as typed, or the message for the field. */
export function checkBody(t: ThreadsT, form: FormData): { body: string; error?: string } {
  const raw = form.get("body");
  const body = typeof raw === "string" ? raw.replace(/\r\n/g, "\n").trim() : "";
  if (!body) return { body, error: t("forums.threads.error.bodyEmpty") };
  if (body.length > POST_MAX) return { body, error: t("forums.threads.error.bodyTooLong", { max: POST_MAX, length: body.length }) };
  return { body };
}

export function checkTitle(t: ThreadsT, form: FormData): { title: string; error?: string } {
  const raw = form.get("title");
  const title = typeof raw === "string" ? raw.replace(/\s+/g, " ").trim() : "";
  if (title.length < TITLE_MIN) return { title, error: t("forums.threads.error.titleTooShort", { min: TITLE_MIN }) };
  if (title.length > TITLE_MAX) return { title, error: t("forums.threads.error.titleTooLong", { max: TITLE_MAX }) };
  return { title };
}

/** The first thing wrong with the attached files against the coalition's limit, if any. */
export function checkFiles(t: ThreadsT, files: readonly UploadedFile[], maxMegabytes: number): string | undefined {
  if (files.length > MAX_FILES) return t("forums.threads.error.tooManyFiles", { count: MAX_FILES });
  for (const file of files) {
    if (!attachmentType(file.fileName)) return t("forums.threads.error.fileType", { file: file.fileName });
    if (file.size === 0) return t("forums.threads.error.fileEmpty", { file: file.fileName });
    if (!file.bytes || file.size > maxMegabytes * 1024 * 1024) return t("forums.threads.error.fileTooLarge", { file: file.fileName, megabytes: maxMegabytes });
    if (!contentMatches(attachmentType(file.fileName)!, file.bytes)) return t("forums.threads.error.fileContent", { file: file.fileName });
  }
  return undefined;
}

/** 413 rather than 400 when the one thing wrong is a file over the size limit. */
export function onlyTooLarge(errors: FormErrors, files: readonly UploadedFile[], maxMegabytes: number): boolean {
  return Object.keys(errors).length === 1 && !!errors.attachments && files.some((f) => !f.bytes || f.size > maxMegabytes * 1024 * 1024);
}

export function errorsOf(entries: Record<string, string | undefined>): FormErrors | null {
  const errors: FormErrors = {};
  for (const [field, message] of Object.entries(entries)) if (message) errors[field] = message;
  return Object.keys(errors).length ? errors : null;
}

/**
 * Stores the files and their rows for a post. Returns the keys written, so the caller can
 * remove them if the transaction does not commit.
 */
export async function attachFiles(ctx: Pick<Ctx, "db" | "tenant">, postId: string, files: readonly UploadedFile[], written: string[]): Promise<void> {
  if (!files.length) return;
  const storage = localStorage();
  const rows = [];
  for (const file of files) {
    const key = newStorageKey(`forums/${ctx.tenant.id}`);
    const contentType = attachmentType(file.fileName)!;
    await storage.put(key, file.bytes!, contentType);
    written.push(key);
    rows.push({ tenantId: ctx.tenant.id, postId, storageKey: key, fileName: file.fileName, contentType, size: file.size });
  }
  await ctx.db.forumPostAttachment.createMany({ data: rows });
}

/** Removes files written by a request whose transaction failed. */
export async function forgetFiles(keys: readonly string[]): Promise<void> {
  const storage = localStorage();
  await Promise.all(keys.map((k) => storage.delete(k).catch(() => undefined)));
}

/** A moderator's or a flagger's reason, or the message for the field. */
export function checkReason(t: ThreadsT, form: FormData): { reason: string; error?: string } {
  const raw = form.get("reason");
  const reason = typeof raw === "string" ? raw.trim() : "";
  if (!reason) return { reason, error: t("forums.threads.error.reasonEmpty") };
  if (reason.length > REASON_MAX) return { reason, error: t("forums.threads.error.reasonTooLong", { max: REASON_MAX }) };
  return { reason };
}

/**
 * Runs a post-writing action with its uploaded form. The form is read before the transaction
 * starts (a slow upload holds no connection); `read` is null when it was larger than the
 * server accepts. Files written through `written` are removed if the work fails, so a
 * rolled-back post leaves no file behind.
 */
export async function withUpload<T>(request: Request, work: (read: { form: FormData; files: UploadedFile[] } | null, written: string[]) => Promise<T>): Promise<T> {
  const read = await readPostForm(request).catch((error: unknown) => {
    if (error instanceof FormTooLargeError) return null;
    throw error;
  });
  const written: string[] = [];
  try {
    return await work(read, written);
  } catch (error) {
    await forgetFiles(written);
    throw error;
  }
}

/** Posts with files a person, and an address, may send per hour: generous for work, a wall for a script. */
const UPLOADS_PER_PERSON: RateLimitRule = { limit: 60, windowSeconds: 60 * 60 };
const UPLOADS_PER_IP: RateLimitRule = { limit: 300, windowSeconds: 60 * 60 };

/** Counts one post with files against the person's and the address's hourly limits. */
export function hitUploadLimits(userId: string, context: unknown): Promise<RateLimitResult> {
  const ip = (context as Partial<RequestContext> | undefined)?.clientIp ?? "unknown";
  return hitRateLimits([
    [`forums-upload:${userId}`, UPLOADS_PER_PERSON],
    [`forums-upload-ip:${ip}`, UPLOADS_PER_IP],
  ]);
}
