import { data, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { done, fieldError, formError, type FormFailure } from "@commons/plugin-sdk/forms/server";
import { cleanFileName, contentMatches, localStorage, newStorageKey } from "@commons/storage";
import { Button, ErrorSummary, FileField, Notice, Table } from "@commons/ui";
import { findConsultation, isUuid, requireId, secretariatGuard, type RouteArgs } from "../../src/drafting/access.server.ts";
import { ATTACHMENT_TYPES, BODY_SLACK, extensionOf, MAX_ATTACHMENTS, readUpload, type Upload } from "../../src/drafting/attachments.server.ts";
import { ConsultationHeader } from "../../src/drafting/components.tsx";
import { draftingT, useDraftingT, type DraftingT } from "../../src/drafting/i18n.ts";
import { draftingLinks } from "../../src/drafting/styles.ts";

export const links = draftingLinks;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? draftingT()("consultations.drafting.attachments.title", { title: data.consultation.title }) : ""} · Commons` }];

export async function loader(args: RouteArgs) {
  const id = requireId(args.params.consultationId);
  return secretariatGuard(args, async (ctx) => {
    const c = await findConsultation(ctx.db, id);
    const attachments = await ctx.db.consultationsAttachment.findMany({ where: { consultationId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, fileName: true, size: true } });
    return { slug: ctx.tenant.slug, consultation: { id: c.id, title: c.title, status: c.status, audienceKind: c.audienceKind }, attachments, maxMegabytes: ctx.settings.attachmentMaxMegabytes, member: ctx.nav };
  });
}

function uploadProblem(t: DraftingT, upload: Upload, maxMegabytes: number): string | null {
  if (upload.kind === "none") return t("consultations.drafting.error.fileMissing");
  if (upload.kind === "empty") return t("consultations.drafting.error.fileEmpty");
  if (upload.kind === "too-large") return t("consultations.drafting.error.fileTooLarge", { max: maxMegabytes });
  const ext = extensionOf(upload.fileName);
  if (!ext) return t("consultations.drafting.error.fileType");
  if (!contentMatches(ATTACHMENT_TYPES[ext], upload.bytes)) return t("consultations.drafting.error.fileContent", { type: ext.toUpperCase() });
  return null;
}

/**
 * Upload or delete. The person and the consultation are checked before the body is read
 * (nobody else's upload is streamed), the size while it streams (the coalition's limit; a
 * larger file is dropped, 413), the type by name and by content; the file is written under
 * a server-made key and its row in a second transaction, the file removed if that fails.
 */
export async function action(args: RouteArgs) {
  const id = requireId(args.params.consultationId);
  const { maxMegabytes } = await secretariatGuard(args, async (ctx) => {
    await findConsultation(ctx.db, id);
    return { maxMegabytes: ctx.settings.attachmentMaxMegabytes };
  });
  const maxBytes = maxMegabytes * 1024 * 1024;
  const declared = Number(args.request.headers.get("content-length") ?? 0);
  const t0 = draftingT();
  if (declared > maxBytes + BODY_SLACK) return fieldError(new FormData(), "file", t0("consultations.drafting.error.fileTooLarge", { max: maxMegabytes }), 413);
  const { form, upload } = await readUpload(args.request, maxBytes);
  const storage = localStorage();
  let stored: string | null = null;
  try {
    return await secretariatGuard(args, async (ctx) => {
      const t = draftingT(ctx.person.locale);
      await findConsultation(ctx.db, id);
      if (form.get("intent") === "delete") {
        const attachmentId = form.get("attachmentId");
        const row = isUuid(attachmentId) ? await ctx.db.consultationsAttachment.findFirst({ where: { id: attachmentId, consultationId: id }, select: { id: true, fileName: true, storageKey: true } }) : null;
        if (!row) return formError(form, t("consultations.drafting.error.fileMissing"), 404);
        await ctx.db.consultationsAttachment.delete({ where: { id: row.id } });
        // The file goes after the row; a file left behind by a crash is harmless, a row without its file is not.
        await storage.delete(row.storageKey).catch(() => undefined);
        return done(form, t("consultations.drafting.attachments.deleted", { name: row.fileName }));
      }
      const problem = uploadProblem(t, upload, maxMegabytes);
      if (problem || upload.kind !== "file") return fieldError(form, "file", problem!, upload.kind === "too-large" ? 413 : 400);
      if ((await ctx.db.consultationsAttachment.count({ where: { consultationId: id } })) >= MAX_ATTACHMENTS) {
        return fieldError(form, "file", t("consultations.drafting.error.tooManyAttachments", { max: MAX_ATTACHMENTS }), 409);
      }
      const fileName = cleanFileName(upload.fileName);
      const contentType = ATTACHMENT_TYPES[extensionOf(fileName) ?? extensionOf(upload.fileName)!];
      stored = newStorageKey(`consultations/${ctx.tenant.id}`);
      await storage.put(stored, upload.bytes, contentType);
      await ctx.db.consultationsAttachment.create({ data: { tenantId: ctx.tenant.id, consultationId: id, storageKey: stored, fileName, contentType, size: upload.bytes.byteLength } });
      return data(done(form, t("consultations.drafting.attachments.uploaded", { name: fileName })), { status: 201 });
    });
  } catch (error) {
    if (stored) await storage.delete(stored).catch(() => undefined);
    throw error;
  }
}

type Outcome = (FormFailure & { ok: false }) | { ok: true; form: string; notice: string } | undefined;

export default function Attachments() {
  const t = useDraftingT();
  const { slug, consultation: c, attachments, maxMegabytes } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>() as Outcome;
  const base = `/c/${slug}/consultations`;
  const failure = outcome && !outcome.ok ? outcome : undefined;
  return (
    <main id="main">
      <ConsultationHeader t={t} base={base} id={c.id} title={t("consultations.drafting.attachments.title", { title: c.title })} status={c.status} current="attachments" picked={c.audienceKind === "PICKED"} />
      {outcome?.ok ? <Notice tone="success">{outcome.notice}</Notice> : null}
      <ErrorSummary title={t("consultations.drafting.form.errorSummary")} errors={failure?.errors} formError={failure?.formError} />
      <Table
        caption={t("consultations.drafting.attachments.caption")}
        rows={attachments}
        rowKey={(a) => a.id}
        empty={t("consultations.drafting.attachments.none")}
        columns={[
          { header: t("consultations.drafting.attachments.colName"), cell: (a) => <a href={`${base}/${c.id}/attachments/${a.id}`}>{a.fileName}</a> },
          { header: t("consultations.drafting.attachments.colSize"), cell: (a) => t("consultations.drafting.attachments.size", { size: Math.max(1, Math.round(a.size / 1024)) }) },
          {
            header: t("consultations.drafting.attachments.colActions"),
            cell: (a) => (
              <Form method="post">
                <input type="hidden" name="attachmentId" value={a.id} />
                <Button name="intent" value="delete" variant="secondary">
                  {t("consultations.drafting.attachments.delete", { name: a.fileName })}
                </Button>
              </Form>
            ),
          },
        ]}
      />
      <Form method="post" encType="multipart/form-data" className="narrow" key={outcome?.ok ? `done-${attachments.length}` : "form"}>
        <FileField name="file" label={t("consultations.drafting.attachments.file")} hint={t("consultations.drafting.attachments.fileHint", { max: maxMegabytes })} error={failure?.errors.file} accept=".pdf,.docx,.xlsx,.odt,.ods,.txt,.csv,.png,.jpg,.jpeg" />
        <Button name="intent" value="upload">
          {t("consultations.drafting.attachments.upload")}
        </Button>
      </Form>
    </main>
  );
}
