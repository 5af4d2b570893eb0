import { spreadsheetDownload, type ExportFormat } from "@commons/plugin-sdk/export";
import { notFound } from "@commons/plugin-sdk/server";
import { directoryGuard, type RouteArgs } from "../../src/directory/access.server.ts";
import { columnsTable, type ExportColumn } from "../../src/directory/export.server.ts";
import { listOrganisations, parseFilters, type DirectoryRow } from "../../src/directory/search.server.ts";
import { membersT, type MessageKey } from "../../src/directory/i18n.ts";

/** More than any coalition has; a bound so one request cannot ask for everything twice over. */
const EXPORT_LIMIT = 50_000;

interface PersonRow {
  name: string;
  email: string;
  organisation: string;
  role: string;
  title: string;
}

/**
 * The directory as a spreadsheet, with the page's current search and filters. Each reader
 * gets what they may see: organisations' public fields for everyone who may browse;
 * contact addresses only for the secretariat; `kind=people` (names, emails, roles) only
 * for the secretariat, everyone else gets 404.
 */
export async function loader(args: RouteArgs) {
  const url = new URL(args.request.url);
  const filters = parseFilters(url);
  const format: ExportFormat = url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const kind = url.searchParams.get("kind") === "people" ? "people" : "organisations";
  const filtered = Object.values(filters).some(Boolean);
  const exported = await directoryGuard(args, async (ctx, viewer) => {
    const t = membersT(ctx.person?.locale);
    const day = new Date().toISOString().slice(0, 10);
    if (kind === "people") {
      if (viewer.level !== "manager") throw notFound();
      const organisationIds = filtered ? (await listOrganisations(ctx.db, ctx.tenant.id, filters, EXPORT_LIMIT)).map((o) => o.id) : null;
      const people = await ctx.db.membership.findMany({
        where: organisationIds ? { organisationId: { in: organisationIds } } : {},
        orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
        take: EXPORT_LIMIT * 5,
        select: { role: true, title: true, user: { select: { name: true, email: true } }, organisation: { select: { name: true } } },
      });
      const rows: PersonRow[] = people.map((p) => ({ name: p.user.name, email: p.user.email, organisation: p.organisation?.name ?? "", role: t(`members.directory.role.${p.role}` as MessageKey), title: p.title }));
      const columns: ExportColumn<PersonRow>[] = [
        { header: t("members.directory.column.name"), value: (r) => r.name },
        { header: t("members.directory.column.email"), value: (r) => r.email },
        { header: t("members.directory.column.organisation"), value: (r) => r.organisation },
        { header: t("members.directory.column.role"), value: (r) => r.role },
        { header: t("members.directory.column.title"), value: (r) => r.title },
      ];
      return { rows, columns, sheet: t("members.directory.sheet.people"), name: `${ctx.tenant.slug}-people-${day}` } as const;
    }
    const rows = await listOrganisations(ctx.db, ctx.tenant.id, filters, EXPORT_LIMIT);
    const columns: ExportColumn<DirectoryRow>[] = [
      { header: t("members.directory.column.name"), value: (o) => o.name },
      { header: t("members.directory.column.acronym"), value: (o) => o.acronym },
      { header: t("members.directory.column.type"), value: (o) => o.type },
      { header: t("members.directory.column.region"), value: (o) => o.region },
      { header: t("members.directory.column.province"), value: (o) => o.province },
      { header: t("members.directory.column.sectors"), value: (o) => o.sectors },
      { header: t("members.directory.column.themes"), value: (o) => o.themes },
      { header: t("members.directory.column.languages"), value: (o) => o.languages },
      { header: t("members.directory.column.website"), value: (o) => o.website },
      ...(viewer.level === "manager" ? [{ header: t("members.directory.column.email"), value: (o: DirectoryRow) => o.email }] : []),
      { header: t("members.directory.column.foundedYear"), value: (o) => o.foundedYear },
      { header: t("members.directory.column.description"), value: (o) => o.description },
      { header: t("members.directory.column.offers"), value: (o) => o.offers },
      { header: t("members.directory.column.offerTags"), value: (o) => o.offerTags },
      { header: t("members.directory.column.needs"), value: (o) => o.needs },
      { header: t("members.directory.column.needTags"), value: (o) => o.needTags },
      { header: t("members.directory.column.status"), value: (o) => t(`members.status.${o.status}` as MessageKey) },
    ];
    return { rows, columns, sheet: t("members.directory.sheet.organisations"), name: `${ctx.tenant.slug}-organisations-${day}` } as const;
  });
  // The file is built after the transaction: nothing holds a connection while it is written.
  const { rows, columns, sheet, name } = exported as { rows: unknown[]; columns: ExportColumn<unknown>[]; sheet: string; name: string };
  return spreadsheetDownload(format, { fileName: name, sheet, ...columnsTable(rows, columns) });
}
