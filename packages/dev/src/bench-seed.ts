import { createHash } from "node:crypto";
import { hashPassword } from "@commons/auth";
import pg from "pg";
import { DEMO_PASSWORD } from "./seed/accounts.ts";
import { stableId } from "./seed/ids.ts";
import { REGIONS, ORGANISATION_TYPES, SECTORS } from "./seed/regions.ts";

/**
 * A coalition the size of a big national platform, for `npm run bench`: 10,000
 * organisations, 50,000 people with memberships, 20,000 activity rows. Written with
 * INSERT … SELECT over generate_series, so PostgreSQL builds the rows itself in seconds.
 */
export const BIG_TENANT = {
  slug: "national-cso-platform",
  name: "National CSO Platform (benchmark)",
  description: "A synthetic coalition of 10,000 organisations and 50,000 people, for measuring pages at scale.",
  adminEmail: "admin@national-cso-platform.example.org",
  organisations: 10_000,
  people: 50_000,
  activities: 20_000,
} as const;

export const bigTenantId = () => stableId(`tenant:${BIG_TENANT.slug}`);
export const bigAdminId = () => stableId(`user:${BIG_TENANT.adminEmail}`);
/** person1@…: a MEMBER of organisation 1 (every tenth person is a focal point, the rest members). */
export const bigMemberId = () => {
  const hex = createHash("md5").update("bench-user-1").digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

const THEMES = ["Environmental", "Mining Watch", "Fisherfolk", "Budget", "Indigenous Rights", "Women's", "Legal Aid", "Health", "Land Rights", "Youth", "Labour", "Watershed"];
const NOUNS = ["Centre", "Alliance", "Network", "Association", "Foundation", "Council", "Forum", "Collective", "Federation", "Initiative", "Movement", "Circle", "Cooperative", "Institute", "League", "Assembly"];
const FIRST = ["Maria", "Jose", "Ana", "Juan", "Rosa", "Miguel", "Liza", "Ramon", "Carmela", "Noel", "Grace", "Arnel", "Josefina", "Eduardo", "Amina", "Datu", "Norhaya", "Benjamin", "Teresa", "Rommel", "Marites", "Jerome", "Kristine", "Paolo", "Leah"];
const LAST = ["Reyes", "Santos", "Cruz", "Bautista", "Garcia", "Mendoza", "Torres", "Villanueva", "Ramos", "Aquino", "Castillo", "Navarro", "Dumalagan", "Magbanua", "Ocampo", "Sagun", "Cabrera", "Lumbay", "Padilla", "Tayag", "Macarambon", "Baluyot", "Lim", "Dela Cruz", "Manalo", "Salazar", "Pascual", "Ignacio", "Bello", "Alonzo"];
const DIRECTORY_THEMES = ["Beneficial ownership", "Revenue transparency", "Free, prior and informed consent", "Mine rehabilitation", "Water and watersheds", "Small-scale mining", "Coastal protection", "Community monitoring", "Gender and extractives", "Human rights defenders"];
const LANGUAGES = ["English", "Filipino", "Cebuano", "Ilocano", "Hiligaynon", "Bikol", "Waray", "Chavacano"];
const OFFERS = ["Paralegal training and FOI requests", "Water testing and training", "Community radio airtime", "GIS mapping of tenements", "Venue and logistics for meetings"];
const NEEDS = ["Legal support against harassment", "Satellite images of forest loss", "Funding for monitoring", "Translation of technical reports", "Training on beneficial ownership"];
const ACTIONS = ["organisation.admitted", "membership.created", "invitation.sent", "profile.updated", "consultation.opened", "consultation.answered", "forum.post.created", "decision.published"];

export async function bigTenantExists(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM tenants WHERE slug = $1", [BIG_TENANT.slug]);
    return Boolean(rowCount);
  } finally {
    await client.end();
  }
}

/**
 * Directory profiles for the big coalition (themes, languages, province, offers and needs),
 * so its filters and search have something to chew on. Idempotent: only organisations
 * without themes are touched, so a coalition seeded before this existed catches up.
 */
async function enrichBigTenant(client: pg.Client): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT set_config('app.tenant_id', $1, true)", [bigTenantId()]);
    const places = REGIONS.flatMap((r) => r.places);
    await client.query(
      `UPDATE organisations o SET
         province = ($2::text[])[1 + n % cardinality($2::text[])],
         themes = ARRAY[($3::text[])[1 + n % cardinality($3::text[])], ($3::text[])[1 + (n / 7 + 3) % cardinality($3::text[])]],
         languages = ARRAY(SELECT DISTINCT unnest(ARRAY['English', ($4::text[])[1 + n % cardinality($4::text[])]])),
         offers = ($5::text[])[1 + n % cardinality($5::text[])],
         offer_tags = ARRAY[lower(split_part(($5::text[])[1 + n % cardinality($5::text[])], ' ', 1))],
         needs = ($6::text[])[1 + (n / 3) % cardinality($6::text[])],
         need_tags = ARRAY[lower(split_part(($6::text[])[1 + (n / 3) % cardinality($6::text[])], ' ', 1))],
         email = 'info@org' || n || '.example.org'
       FROM (SELECT id, substring(acronym FROM 4)::int AS n FROM organisations WHERE tenant_id = $1 AND acronym ~ '^ORG[0-9]+$') AS numbered
       WHERE o.id = numbered.id AND o.tenant_id = $1 AND cardinality(o.themes) = 0`,
      [bigTenantId(), places, DIRECTORY_THEMES, LANGUAGES, OFFERS, NEEDS],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/** Brings an already seeded big coalition up to date with what the seed writes now. */
export async function updateBigTenant(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await enrichBigTenant(client);
    await client.query("ANALYZE organisations");
  } finally {
    await client.end();
  }
}

export async function seedBigTenant(url: string): Promise<void> {
  const places = REGIONS.flatMap((r) => r.places);
  if (places.length * THEMES.length * NOUNS.length < BIG_TENANT.organisations) throw new Error("Too few name parts for unique names");
  const adminHash = await hashPassword(DEMO_PASSWORD);
  const tenantId = bigTenantId();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("INSERT INTO tenants (id, slug, name, description) VALUES ($1, $2, $3, $4)", [tenantId, BIG_TENANT.slug, BIG_TENANT.name, BIG_TENANT.description]);
    // FORCE'd row-level security applies to a non-superuser owner too.
    await client.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
    const regionOf = REGIONS.flatMap((r) => r.places.map(() => r.name));
    // Names are mixed-radix over place × theme × noun: unique while i < the product.
    await client.query(
      `INSERT INTO organisations (id, tenant_id, name, acronym, type, region, sectors, website, founded_year, description)
       SELECT md5('bench-org-' || i)::uuid, $1,
              p.place || ' ' || ($3::text[])[1 + (i / $9) % cardinality($3::text[])] || ' ' || ($4::text[])[1 + (i / ($9 * cardinality($3::text[]))) % cardinality($4::text[])],
              'ORG' || i,
              ($5::text[])[1 + i % cardinality($5::text[])],
              p.region,
              ARRAY[($6::text[])[1 + i % cardinality($6::text[])], ($6::text[])[1 + (i + 1 + (i / 3) % 10) % 11]],
              'https://org' || i || '.example.org',
              1970 + i % 54,
              'Member organisation number ' || i || ' of the benchmark platform.'
       FROM generate_series(0, $7 - 1) AS i
       CROSS JOIN LATERAL (SELECT ($2::text[])[1 + i % $9] AS place, ($8::text[])[1 + i % $9] AS region) AS p`,
      [tenantId, places, THEMES, NOUNS, [...ORGANISATION_TYPES], [...SECTORS], BIG_TENANT.organisations, regionOf, places.length],
    );
    await client.query(
      `INSERT INTO users (id, email, name, email_verified_at)
       SELECT md5('bench-user-' || i)::uuid, 'person' || i || '@national-cso-platform.example.org',
              ($1::text[])[1 + i % cardinality($1::text[])] || ' ' || ($2::text[])[1 + (i / cardinality($1::text[])) % cardinality($2::text[])],
              now()
       FROM generate_series(0, $3 - 1) AS i`,
      [FIRST, LAST, BIG_TENANT.people],
    );
    await client.query(
      `INSERT INTO memberships (id, tenant_id, user_id, role, organisation_id)
       SELECT md5('bench-membership-' || i)::uuid, $1, md5('bench-user-' || i)::uuid,
              (CASE WHEN i % 10 = 0 THEN 'FOCAL_POINT' ELSE 'MEMBER' END)::"Role",
              md5('bench-org-' || (i % $2))::uuid
       FROM generate_series(0, $3 - 1) AS i`,
      [tenantId, BIG_TENANT.organisations, BIG_TENANT.people],
    );
    await client.query(
      `INSERT INTO users (id, email, name, password_hash, email_verified_at) VALUES ($1, $2, 'Lourdes Manalo', $3, now())`,
      [bigAdminId(), BIG_TENANT.adminEmail, adminHash],
    );
    await client.query(`INSERT INTO memberships (id, tenant_id, user_id, role) VALUES ($3, $1, $2, 'SECRETARIAT_ADMIN')`, [tenantId, bigAdminId(), stableId("membership:bench-admin")]);
    await client.query(
      `INSERT INTO activities (id, tenant_id, actor_id, action, subject_type, subject_id, data, created_at)
       SELECT md5('bench-activity-' || i)::uuid, $1, md5('bench-user-' || ((i * 7) % $3))::uuid, ($2::text[])[1 + i % cardinality($2::text[])],
              'organisation', md5('bench-org-' || (i % $4))::uuid::text,
              jsonb_build_object('n', i), now() - i * interval '13 minutes'
       FROM generate_series(0, $5 - 1) AS i`,
      [tenantId, ACTIONS, BIG_TENANT.people, BIG_TENANT.organisations, BIG_TENANT.activities],
    );
    await client.query("COMMIT");
    await enrichBigTenant(client);
    await client.query("ANALYZE");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
