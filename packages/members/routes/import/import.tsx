import type { MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { hitRateLimits } from "@commons/auth";
import { validateForm } from "@commons/plugin-sdk/forms";
import { fieldError, invalid } from "@commons/plugin-sdk/forms/server";
import { Button, FileField, Pagination, SelectField, Table } from "@commons/ui";
import { formatDateTime } from "@commons/i18n";
import { membersT, paginationLabels, useLocale, useMembersT } from "../../src/i18n.ts";
import { ImportFeedback, type ImportActionResult } from "../../src/import/components.tsx";
import { guessMapping, IMPORT_KINDS } from "../../src/import/fields.ts";
import { paging, withImportAccess, type ImportRouteArgs } from "../../src/import/guard.server.ts";
import { parseSpreadsheet, type ParseProblem } from "../../src/import/parse.server.ts";
import { readUpload } from "../../src/import/upload.server.ts";
import { en } from "../../src/messages.ts";

export const meta: MetaFunction = () => [{ title: `${en["members.import.title"]} · Commons` }];

export async function loader(args: ImportRouteArgs) {
  return withImportAccess(args, async ({ db, tenant, nav }) => {
    const total = await db.membersImport.count();
    const { page, pages, skip, take } = paging(args.request, total);
    const imports = await db.membersImport.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip,
      take,
      select: { id: true, kind: true, fileName: true, status: true, total: true, createdAt: true, createdById: true },
    });
    const people = await db.membership.findMany({ where: { userId: { in: [...new Set(imports.map((i) => i.createdById))] } }, select: { userId: true, user: { select: { name: true } } } });
    const names = new Map(people.map((p) => [p.userId, p.user.name]));
    return {
      slug: tenant.slug,
      page,
      pages,
      imports: imports.map((i) => ({ id: i.id, kind: i.kind, fileName: i.fileName, status: i.status, total: i.total, createdAt: i.createdAt.toISOString(), by: names.get(i.createdById) ?? null })),
      member: nav,
    };
  });
}

const PROBLEM_MESSAGES: Record<ParseProblem, "members.import.error.empty" | `members.import.error.${ParseProblem}`> = {
  empty: "members.import.error.empty",
  headerOnly: "members.import.error.headerOnly",
  notSpreadsheet: "members.import.error.notSpreadsheet",
  oldExcel: "members.import.error.oldExcel",
  unreadableXlsx: "members.import.error.unreadableXlsx",
  malformed: "members.import.error.malformed",
  tooManyRows: "members.import.error.tooManyRows",
  tooManyColumns: "members.import.error.tooManyColumns",
};

/** Uploads are parsed in memory: a person may send this many an hour, however many are refused. */
const UPLOADS_PER_HOUR = { limit: 30, windowSeconds: 3600 };

/** A name to show, never a path: what the person's computer called the file. */
function displayName(name: string): string {
  return (name.split(/[\\/]/).pop() || "spreadsheet").slice(0, 200);
}

export async function action(args: ImportRouteArgs) {
  // The permission first, before a byte of the body is read; the body outside any transaction.
  const { locale, personId } = await withImportAccess(args, async ({ person }) => ({ locale: person.locale, personId: person.id }));
  const t = membersT(locale);
  const limited = await hitRateLimits([[`members-import:${personId}`, UPLOADS_PER_HOUR]]);
  if (!limited.allowed) {
    const form = new FormData();
    form.set("intent", "upload");
    return fieldError(form, "file", t("members.import.error.rateLimited", { minutes: Math.ceil(limited.retryAfterSeconds / 60) }), 429);
  }
  const upload = await readUpload(args.request);
  if (!upload.ok) {
    const form = new FormData();
    form.set("intent", "upload");
    return fieldError(form, "file", t("members.import.error.tooLarge"), 413);
  }
  const form = upload.form;
  form.set("intent", "upload");
  const parsed = validateForm(form, z.object({ kind: z.enum(IMPORT_KINDS, t("members.import.error.kind")) }));
  const file = form.get("file");
  if (!(file instanceof File) || (file.size === 0 && !file.name)) {
    return invalid(form, { ...(parsed.ok ? {} : parsed.errors), file: t("members.import.error.fileMissing") });
  }
  if (!parsed.ok) return invalid(form, parsed.errors);
  const sheet = await parseSpreadsheet(new Uint8Array(await file.arrayBuffer()));
  if (!sheet.ok) {
    const message = sheet.problem === "malformed" && !sheet.line ? t("members.import.error.malformedNoLine") : t(PROBLEM_MESSAGES[sheet.problem], { line: sheet.line ?? 0 });
    return fieldError(form, "file", message);
  }
  const { kind } = parsed.data;
  return withImportAccess(args, async ({ db, tenant, person }) => {
    const created = await db.membersImport.create({
      data: {
        tenantId: tenant.id,
        kind,
        fileName: displayName(file.name),
        createdById: person.id,
        columns: sheet.columns,
        rows: sheet.rows,
        mapping: guessMapping(kind, sheet.columns),
        total: sheet.rows.filter((r) => r.length > 0).length,
      },
      select: { id: true },
    });
    return redirect(`/c/${tenant.slug}/members/import/${created.id}`);
  });
}

export default function ImportPage() {
  const { slug, imports, page, pages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ImportActionResult;
  const t = useMembersT();
  const locale = useLocale();
  const failure = result && !result.ok ? result : undefined;
  const base = `/c/${slug}/members/import`;
  return (
    <main id="main">
      <h1>{t("members.import.title")}</h1>
      <p>{t("members.import.intro")}</p>

      <h2>{t("members.import.upload.title")}</h2>
      <ImportFeedback t={t} result={result} />
      <Form method="post" encType="multipart/form-data" noValidate className="narrow">
        <SelectField
          name="kind"
          label={t("members.import.field.kind")}
          defaultValue={failure?.values.kind ?? "organisations"}
          error={failure?.errors.kind}
          options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`members.import.kind.${k}`) }))}
        />
        <FileField name="file" label={t("members.import.field.file")} hint={t("members.import.limits")} error={failure?.errors.file} accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
        <Button>{t("members.import.upload.submit")}</Button>
      </Form>

      <h2>{t("members.import.recent.title")}</h2>
      <Table
        caption={t("members.import.recent.caption")}
        rows={imports}
        rowKey={(i) => i.id}
        empty={t("members.import.recent.empty")}
        columns={[
          { header: t("members.import.recent.file"), cell: (i) => <Link to={`${base}/${i.id}`}>{i.fileName}</Link> },
          { header: t("members.import.recent.kind"), cell: (i) => t(i.kind === "people" ? "members.import.kind.people" : "members.import.kind.organisations") },
          { header: t("members.import.recent.rows"), cell: (i) => i.total },
          { header: t("members.import.recent.status"), cell: (i) => t(`members.import.status.${i.status}`) },
          { header: t("members.import.recent.uploaded"), cell: (i) => formatDateTime(i.createdAt, locale) },
          { header: t("members.import.recent.by"), cell: (i) => i.by ?? t("members.import.someone") },
        ]}
      />
      <Pagination page={page} pages={pages} hrefFor={(p) => `${base}?page=${p}`} labels={paginationLabels(t, page, pages)} />
    </main>
  );
}
