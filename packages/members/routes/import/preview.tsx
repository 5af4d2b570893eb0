import type { MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { done, formError, invalid } from "@commons/plugin-sdk/forms/server";
import { readForm } from "@commons/plugin-sdk/forms";
import { Button, Notice, Pagination, SelectField, Table } from "@commons/ui";
import { formatDateTime } from "@commons/i18n";
import { membersT, paginationLabels, useLocale, useMembersT, type MembersT } from "../../src/i18n.ts";
import { fieldLabel, ImportFeedback, problemText, type ImportActionResult, type ProblemView } from "../../src/import/components.tsx";
import { fieldsOf, isImportKind, readMapping, requiredField, type ImportKind, type Mapping } from "../../src/import/fields.ts";
import { findImport, paging, withImportAccess, type ImportRouteArgs } from "../../src/import/guard.server.ts";
import { runImport, type ImportReport } from "../../src/import/import.server.ts";
import { checkImport } from "../../src/import/run.server.ts";
import { summarise } from "../../src/import/check.server.ts";
import { en } from "../../src/messages.ts";

export const meta: MetaFunction = () => [{ title: `${en["members.import.title"]} · Commons` }];

/** The fields a preview row shows (all mapped values would not fit a phone). */
const SHOWN: Record<ImportKind, readonly string[]> = { organisations: ["name", "type", "region", "email"], people: ["name", "email", "organisation", "role"] };

export async function loader(args: ImportRouteArgs) {
  return withImportAccess(args, async (ctx) => {
    const found = await findImport(ctx, args.params.importId);
    const kind: ImportKind = isImportKind(found.kind) ? found.kind : "organisations";
    const base = { slug: ctx.tenant.slug, id: found.id, kind, fileName: found.fileName, status: found.status, member: ctx.nav };
    if (found.status === "DONE") {
      const report = found.report as unknown as ImportReport;
      const { page, pages, skip, take } = paging(args.request, report.skipped?.length ?? 0);
      return { ...base, done: { finishedAt: (found.finishedAt ?? found.createdAt).toISOString(), counts: report.counts, skipped: (report.skipped ?? []).slice(skip, skip + take), page, pages }, preview: null };
    }
    const mapping = readMapping(kind, found.mapping, found.columns.length);
    const checked = await checkImport(ctx, kind, found.rows as string[][], mapping);
    const summary = summarise(checked.rows);
    const onlyProblems = new URL(args.request.url).searchParams.get("show") === "problems";
    const listed = onlyProblems ? checked.rows.filter((r) => r.state === "error") : checked.rows;
    const { page, pages, skip, take } = paging(args.request, listed.length);
    return {
      ...base,
      done: null,
      preview: {
        columns: found.columns,
        mapping,
        summary,
        onlyProblems,
        page,
        pages,
        rows: listed.slice(skip, skip + take).map((r) => ({ row: r.row, state: r.state, cells: r.cells, problems: r.problems as ProblemView[], note: (r.note ?? null) as ProblemView | null })),
      },
    };
  });
}

/** The submitted mapping, checked: every choice is one of the file's columns, the required field is chosen. */
function readSubmittedMapping(t: MembersT, form: FormData, kind: ImportKind, columnCount: number): { ok: true; mapping: Mapping } | { ok: false; errors: Record<string, string> } {
  const mapping: Mapping = {};
  const errors: Record<string, string> = {};
  for (const field of fieldsOf(kind)) {
    const value = String(form.get(`map_${field}`) ?? "");
    if (value === "") continue;
    const index = Number(value);
    if (!Number.isInteger(index) || index < 0 || index >= columnCount) errors[`map_${field}`] = t("members.import.mapping.badColumn");
    else mapping[field] = index;
  }
  const required = requiredField(kind);
  if (mapping[required] === undefined && !errors[`map_${required}`]) {
    errors[`map_${required}`] = t("members.import.mapping.requiredMissing", { field: fieldLabel(t, kind, required).toLowerCase() });
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, mapping };
}

const sameMapping = (a: Mapping, b: Mapping) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

export async function action(args: ImportRouteArgs) {
  const form = await readForm(args.request);
  const intent = form.get("intent");
  try {
    return await withImportAccess(args, async (ctx) => {
      const t = membersT(ctx.person.locale);
      const found = await findImport(ctx, args.params.importId);
      const kind: ImportKind = isImportKind(found.kind) ? found.kind : "organisations";
      if (found.status === "DONE" || found.status === "IMPORTING") return formError(form, t("members.import.run.already"), 409);
      const submitted = readSubmittedMapping(t, form, kind, found.columns.length);
      if (!submitted.ok) return invalid(form, submitted.errors);
      const saved = readMapping(kind, found.mapping, found.columns.length);
      if (intent !== "import" || !sameMapping(saved, submitted.mapping)) {
        await ctx.db.membersImport.update({ where: { id: found.id }, data: { mapping: submitted.mapping } });
        return done(form, t(intent === "import" ? "members.import.mapping.changedBeforeImport" : "members.import.mapping.saved"));
      }
      const outcome = await runImport(ctx, found.id);
      if (outcome === "taken") return formError(form, t("members.import.run.already"), 409);
      return redirect(`/c/${ctx.tenant.slug}/members/import/${found.id}`);
    });
  } catch (error) {
    if (error instanceof Response) throw error;
    // Nothing of the import stayed (one transaction). Say so, and keep a trace on the import.
    console.error(`members import ${args.params.importId} failed:`, (error as { code?: string }).code ?? (error as Error).name);
    return withImportAccess(args, async (ctx) => {
      const found = await findImport(ctx, args.params.importId);
      if (found.status === "PREVIEW") await ctx.db.membersImport.update({ where: { id: found.id }, data: { status: "FAILED" } });
      return formError(form, membersT(ctx.person.locale)("members.import.run.failed"), 500);
    });
  }
}

function Outcome({ t, kind, state }: { t: MembersT; kind: ImportKind; state: string }) {
  if (state === "new") return <>{t(`members.import.outcome.new.${kind}`)}</>;
  if (state === "update" || state === "unchanged") return <>{t(`members.import.outcome.${state}`)}</>;
  return <strong>{t("members.import.outcome.error")}</strong>;
}

export default function ImportPreview() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ImportActionResult;
  const t = useMembersT();
  const locale = useLocale();
  const navigation = useNavigation();
  const base = `/c/${data.slug}/members/import`;
  const here = `${base}/${data.id}`;
  return (
    <main id="main">
      <p>
        <Link to={base}>{t("members.import.preview.back")}</Link>
      </p>
      <h1>{t("members.import.preview.title", { file: data.fileName })}</h1>
      {data.done ? (
        <>
          <h2>{t("members.import.report.title")}</h2>
          <Notice tone="success">{t("members.import.report.done", { date: formatDateTime(data.done.finishedAt, locale) })}</Notice>
          <ul>
            <li>{t(`members.import.report.created.${data.kind}`, { count: data.done.counts.created })}</li>
            <li>{t("members.import.report.updated", { count: data.done.counts.updated })}</li>
            <li>{t("members.import.report.unchanged", { count: data.done.counts.unchanged })}</li>
            <li>{t("members.import.report.skipped", { count: data.done.counts.skipped })}</li>
          </ul>
          {data.kind === "organisations" ? (
            <p>
              <Link to={`/c/${data.slug}/members`}>{t("members.import.report.directory")}</Link>
            </p>
          ) : null}
          {data.done.counts.skipped ? (
            <>
              <h3>{t("members.import.report.skippedTitle")}</h3>
              <Table
                caption={t("members.import.report.skippedCaption")}
                rows={data.done.skipped}
                rowKey={(r) => String(r.row)}
                empty={t("members.import.rows.empty")}
                columns={[
                  { header: t("members.import.rows.row"), cell: (r) => r.row },
                  { header: t("members.import.rows.details"), cell: (r) => <Problems t={t} kind={data.kind} problems={r.problems} /> },
                ]}
              />
              <Pagination page={data.done.page} pages={data.done.pages} hrefFor={(p) => `${here}?page=${p}`} labels={paginationLabels(t, data.done.page, data.done.pages)} />
            </>
          ) : null}
        </>
      ) : data.preview ? (
        <Preview t={t} data={{ ...data, preview: data.preview }} result={result} importing={navigation.state === "submitting" && navigation.formData?.get("intent") === "import"} here={here} />
      ) : null}
    </main>
  );
}

function Problems({ t, kind, problems, note }: { t: MembersT; kind: ImportKind; problems: ProblemView[]; note?: ProblemView | null }) {
  const all = note ? [...problems, note] : problems;
  if (!all.length) return null;
  if (all.length === 1) return <>{problemText(t, kind, all[0]!)}</>;
  return (
    <ul className="compact">
      {all.map((p, i) => (
        <li key={i}>{problemText(t, kind, p)}</li>
      ))}
    </ul>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type PreviewData = Pick<LoaderData, "kind" | "status"> & { preview: NonNullable<LoaderData["preview"]> };

function Preview({ t, data, result, importing, here }: { t: MembersT; data: PreviewData; result: ImportActionResult; importing: boolean; here: string }) {
  const { preview, kind } = data;
  const failure = result && !result.ok ? result : undefined;
  const required = requiredField(kind);
  const columnOptions = [
    { value: "", label: t("members.import.mapping.none") },
    ...preview.columns.map((header, i) => ({ value: String(i), label: t("members.import.mapping.column", { number: i + 1, header }) })),
  ];
  const chosen = (field: string) => failure?.values[`map_${field}`] ?? (preview.mapping[field as keyof Mapping] !== undefined ? String(preview.mapping[field as keyof Mapping]) : "");
  const ready = preview.summary.ready;
  return (
    <>
      {data.status === "FAILED" ? <Notice tone="warning">{t("members.import.preview.failed")}</Notice> : null}
      <p>
        <strong>{t("members.import.preview.summary", { ready, errors: preview.summary.errors, unchanged: preview.summary.unchanged })}</strong>
      </p>
      <p>{t("members.import.preview.steps")}</p>
      <ImportFeedback t={t} result={result} />

      <h2>{t("members.import.rows.title")}</h2>
      {preview.onlyProblems || preview.summary.errors ? (
        <p>
          {preview.onlyProblems ? <Link to={here}>{t("members.import.rows.all")}</Link> : <Link to={`${here}?show=problems`}>{t("members.import.rows.problems", { count: preview.summary.errors })}</Link>}
        </p>
      ) : null}
      <Table
        caption={t("members.import.rows.caption")}
        rows={preview.rows}
        rowKey={(r) => String(r.row)}
        empty={t("members.import.rows.empty")}
        columns={[
          { header: t("members.import.rows.row"), cell: (r) => r.row },
          { header: t("members.import.rows.outcome"), cell: (r) => <Outcome t={t} kind={kind} state={r.state} /> },
          // Problems before the cells: on a phone the table scrolls sideways, and this is what matters.
          { header: t("members.import.rows.details"), cell: (r) => <Problems t={t} kind={kind} problems={r.problems} note={r.note} /> },
          ...SHOWN[kind].filter((f) => preview.mapping[f as keyof Mapping] !== undefined).map((f) => ({ header: fieldLabel(t, kind, f), cell: (r: (typeof preview.rows)[number]) => r.cells[f] ?? "" })),
        ]}
      />
      <Pagination
        page={preview.page}
        pages={preview.pages}
        hrefFor={(p) => `${here}?${preview.onlyProblems ? "show=problems&" : ""}page=${p}`}
        labels={paginationLabels(t, preview.page, preview.pages)}
      />

      <h2>{t("members.import.mapping.title")}</h2>
      <p>{t("members.import.mapping.intro")}</p>
      <Form method="post" noValidate className="narrow">
        {fieldsOf(kind).map((field) => (
          <SelectField
            key={`${field}-${chosen(field)}`}
            name={`map_${field}`}
            label={field === required ? t("members.import.mapping.required", { field: fieldLabel(t, kind, field) }) : fieldLabel(t, kind, field)}
            options={columnOptions}
            defaultValue={chosen(field)}
            error={failure?.errors[`map_${field}`]}
          />
        ))}
        <p>
          <Button variant="secondary" name="intent" value="map">
            {t("members.import.mapping.check")}
          </Button>
        </p>
        {ready ? (
          <>
            <p className="field__hint">{t("members.import.run.patience")}</p>
            {importing ? <Notice>{t("members.import.run.working", { count: ready })}</Notice> : null}
            <Button name="intent" value="import" disabled={importing}>
              {t("members.import.run.submit", { count: ready })}
            </Button>
          </>
        ) : (
          <Notice tone="warning">{t("members.import.run.nothing")}</Notice>
        )}
      </Form>
    </>
  );
}
