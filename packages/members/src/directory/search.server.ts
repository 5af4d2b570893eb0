import { listSetting, type MembersSettings } from "../settings.ts";
import { PAGE_SIZE } from "../constants.ts";
import type { Db } from "./access.server.ts";
import { cachedFacetCounts, type FacetCountRow } from "./facet-cache.server.ts";
import { FACETS, prefixQuery, type DirectoryFilters, type Facet } from "./filters.ts";

export { FACETS, filterQuery, parseFilters, parsePage, prefixQuery, type DirectoryFilters, type Facet } from "./filters.ts";

/**
 * The directory's query: full-text search plus combinable filters, one page of rows, the
 * total and the facet counts, in two SQL statements whatever the coalition's size.
 *
 * Raw SQL because Prisma cannot express the full-text expression index or the facet
 * counts. Both statements name the tenant themselves (wall one, by hand) and run inside
 * the coalition's transaction, so row-level security (wall two) holds as well. Every value
 * from the request is a bound parameter.
 */

export interface DirectoryRow {
  id: string;
  name: string;
  acronym: string;
  type: string;
  region: string;
  province: string;
  sectors: string[];
  themes: string[];
  languages: string[];
  website: string;
  email: string;
  foundedYear: number | null;
  description: string;
  offers: string;
  offerTags: string[];
  needs: string;
  needTags: string[];
  status: "ACTIVE" | "SUSPENDED";
  logoKey: string | null;
}

export interface FacetOption {
  value: string;
  count: number;
}

export interface DirectoryResult {
  rows: DirectoryRow[];
  total: number;
  page: number;
  pages: number;
  facets: Record<Facet, FacetOption[]>;
}

/** How many values a facet lists at most (a coalition without lists may have many free tags). */
const FACET_LIMIT = 200;

const nullable = (value: string) => (value === "" ? null : value);

/** The filters as bound parameters: null for "any", the search as a safe tsquery. */
function bound(filters: DirectoryFilters) {
  return {
    tsquery: prefixQuery(filters.q),
    region: nullable(filters.region),
    sector: nullable(filters.sector),
    theme: nullable(filters.theme),
    type: nullable(filters.type),
    language: nullable(filters.language),
  };
}

/** Which settings list offers a facet's values. */
function listed(settings: MembersSettings, facet: Facet): string[] {
  switch (facet) {
    case "region":
      return listSetting(settings.regions);
    case "sector":
      return listSetting(settings.sectors);
    case "theme":
      return listSetting(settings.themes);
    case "type":
      return listSetting(settings.organisationTypes);
    case "language":
      return listSetting(settings.languages);
  }
}

/** The listed organisations matching the filters, by name: one statement. */
export function listOrganisations(db: Db, tenantId: string, filters: DirectoryFilters, limit: number, offset = 0): Promise<DirectoryRow[]> {
  const { tsquery, region, sector, theme, type, language } = bound(filters);
  return db.$queryRaw<DirectoryRow[]>`
    SELECT o.id, o.name, o.acronym, o.type, o.region, o.province, o.sectors, o.themes, o.languages, o.website, o.email,
           o.founded_year AS "foundedYear", o.description, o.offers, o.offer_tags AS "offerTags", o.needs, o.need_tags AS "needTags",
           o.status::text AS status, o.logo_key AS "logoKey"
    FROM organisations o
    WHERE o.tenant_id = ${tenantId}::uuid
      AND o.status IN ('ACTIVE', 'SUSPENDED')
      AND (${tsquery}::text IS NULL OR to_tsvector('simple'::regconfig, "name" || ' ' || "acronym" || ' ' || "description" || ' ' || "offers" || ' ' || "needs") @@ to_tsquery('simple'::regconfig, ${tsquery}::text))
      AND (${region}::text IS NULL OR o.region = ${region}::text)
      AND (${sector}::text IS NULL OR o.sectors @> ARRAY[${sector}::text])
      AND (${theme}::text IS NULL OR o.themes @> ARRAY[${theme}::text])
      AND (${type}::text IS NULL OR o.type = ${type}::text)
      AND (${language}::text IS NULL OR o.languages @> ARRAY[${language}::text])
    ORDER BY o.name, o.id
    LIMIT ${limit} OFFSET ${offset}`;
}

/** A page of the directory: rows, total and facet counts (two statements; one while the counts are cached). */
export async function searchDirectory(db: Db, tenantId: string, settings: MembersSettings, filters: DirectoryFilters, page: number): Promise<DirectoryResult> {
  const { tsquery, region, sector, theme, type, language } = bound(filters);
  const offset = (page - 1) * PAGE_SIZE;

  const rows = await listOrganisations(db, tenantId, filters, PAGE_SIZE, offset);
  // One pass over the matching organisations: the total under every filter, and each
  // facet's counts under the other filters (so a choice shows what it would give).
  const filterKey = JSON.stringify([tsquery, region, sector, theme, type, language]);
  const counts = await cachedFacetCounts(tenantId, filterKey, () =>
    db.$queryRaw<FacetCountRow[]>`
      WITH base AS MATERIALIZED (
        SELECT o.region, o.type, o.sectors, o.themes, o.languages,
               (${region}::text IS NULL OR o.region = ${region}::text) AS f_region,
               (${sector}::text IS NULL OR o.sectors @> ARRAY[${sector}::text]) AS f_sector,
               (${theme}::text IS NULL OR o.themes @> ARRAY[${theme}::text]) AS f_theme,
               (${type}::text IS NULL OR o.type = ${type}::text) AS f_type,
               (${language}::text IS NULL OR o.languages @> ARRAY[${language}::text]) AS f_language
        FROM organisations o
        WHERE o.tenant_id = ${tenantId}::uuid
          AND o.status IN ('ACTIVE', 'SUSPENDED')
          AND (${tsquery}::text IS NULL OR to_tsvector('simple'::regconfig, "name" || ' ' || "acronym" || ' ' || "description" || ' ' || "offers" || ' ' || "needs") @@ to_tsquery('simple'::regconfig, ${tsquery}::text))
      ),
      counted AS (
        SELECT 'total' AS facet, NULL::text AS value, count(*)::int AS n FROM base WHERE f_region AND f_sector AND f_theme AND f_type AND f_language
        UNION ALL
        SELECT 'region', region, count(*)::int FROM base WHERE f_sector AND f_theme AND f_type AND f_language GROUP BY region
        UNION ALL
        SELECT 'type', type, count(*)::int FROM base WHERE f_region AND f_sector AND f_theme AND f_language GROUP BY type
        UNION ALL
        SELECT 'sector', v, count(*)::int FROM base, unnest(sectors) AS v WHERE f_region AND f_theme AND f_type AND f_language GROUP BY v
        UNION ALL
        SELECT 'theme', v, count(*)::int FROM base, unnest(themes) AS v WHERE f_region AND f_sector AND f_type AND f_language GROUP BY v
        UNION ALL
        SELECT 'language', v, count(*)::int FROM base, unnest(languages) AS v WHERE f_region AND f_sector AND f_theme AND f_type GROUP BY v
      )
      SELECT facet, value, n FROM (
        SELECT facet, value, n, row_number() OVER (PARTITION BY facet ORDER BY n DESC, value) AS rank FROM counted
      ) ranked
      WHERE rank <= ${FACET_LIMIT}`,
  );

  let total = 0;
  const found = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<Facet, Map<string, number>>;
  for (const row of counts) {
    if (row.facet === "total") total = Number(row.n);
    else if (row.value) found[row.facet as Facet]?.set(row.value, Number(row.n));
  }
  const facets = Object.fromEntries(
    FACETS.map((facet) => {
      // The coalition's own list first, in its order (zeros included, so people see what exists);
      // then values organisations have that the list does not name; the current choice always.
      const list = listed(settings, facet);
      const extra = [...found[facet].keys()].filter((v) => !list.includes(v)).sort((a, b) => a.localeCompare(b));
      const chosen = filters[facet];
      const values = [...list, ...extra];
      if (chosen && !values.includes(chosen)) values.push(chosen);
      return [facet, values.map((value) => ({ value, count: found[facet].get(value) ?? 0 }))];
    }),
  ) as Record<Facet, FacetOption[]>;

  return { rows, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), facets };
}
