import { hashPassword } from "@commons/auth";
import { disconnectOwnerClient, ownerClient } from "@commons/db/admin";
import { ownerDatabaseUrl, type Prisma } from "@commons/db";
import { DEMO_COALITIONS, DEMO_PASSWORD, DEMO_PEOPLE, type DemoAccount } from "./accounts.ts";
import { stableId } from "./ids.ts";
import { membersSettings } from "./profiles.ts";
import { mindanaoOrganisations, openExtractivesOrganisations, type DemoOrganisation } from "./organisations.ts";

export interface SeedResult {
  /** Slugs of the coalitions this run wrote. */
  created: string[];
  /** Slugs that were already there and left alone. */
  existing: string[];
}

interface CoalitionPlan {
  slug: string;
  name: string;
  description: string;
  organisations: DemoOrganisation[];
}

const PLANS: CoalitionPlan[] = [
  { ...DEMO_COALITIONS.openExtractives, organisations: openExtractivesOrganisations() },
  { ...DEMO_COALITIONS.mindanao, organisations: mindanaoOrganisations() },
];

export const tenantIdOf = (slug: string) => stableId(`tenant:${slug}`);
export const organisationIdOf = (slug: string, key: string) => stableId(`organisation:${slug}:${key}`);
export const userIdOf = (email: string) => stableId(`user:${email}`);

/**
 * Writes the demo coalitions that are not there yet, each with its organisations, people
 * and first activity, in one transaction: a second run, or a run after a crash, finds
 * either all of a coalition or none of it.
 *
 * ownerClient() reads DATABASE_URL (@commons/db exports no client factory), so the seed
 * points it at `ownerUrl` first.
 */
export async function seedDemo(ownerUrl: string = ownerDatabaseUrl()): Promise<SeedResult> {
  if (process.env.DATABASE_URL !== ownerUrl) {
    await disconnectOwnerClient();
    process.env.DATABASE_URL = ownerUrl;
  }
  const db = ownerClient();
  const present = await db.tenant.findMany({ where: { slug: { in: PLANS.map((p) => p.slug) } }, select: { slug: true } });
  const existing = present.map((t) => t.slug);
  const missing = PLANS.filter((p) => !existing.includes(p.slug));
  if (missing.length === 0) return { created: [], existing };

  const people = DEMO_PEOPLE.filter((p) => p.isPlatformOperator || p.memberships.some((m) => missing.some((c) => c.slug === m.coalition)));
  // Each person gets their own salt; argon2 runs on libuv's pool, so hashing them side by side costs about one hash.
  const hashes = await Promise.all(people.map(() => hashPassword(DEMO_PASSWORD)));
  const verifiedAt = new Date("2026-01-05T08:00:00Z");

  await db.$transaction(
    async (tx) => {
      await tx.user.createMany({
        data: people.map((person, i) => ({
          id: userIdOf(person.email),
          email: person.email,
          name: person.name,
          passwordHash: hashes[i]!,
          emailVerifiedAt: verifiedAt,
          isPlatformOperator: person.isPlatformOperator,
        })),
        skipDuplicates: true,
      });
      // Someone may have signed up with a demo address before the seed ran; use whatever id they have.
      const users = await tx.user.findMany({ where: { email: { in: people.map((p) => p.email) } }, select: { id: true, email: true } });
      const idByEmail = new Map(users.map((u) => [u.email, u.id]));
      const operatorId = idByEmail.get(DEMO_PEOPLE.find((p) => p.isPlatformOperator)!.email) ?? null;

      for (const plan of missing) {
        const tenantId = tenantIdOf(plan.slug);
        await tx.tenant.create({ data: { id: tenantId, slug: plan.slug, name: plan.name, description: plan.description } });
        // Tenant tables FORCE row-level security; the owner passes only with the setting.
        await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
        await tx.organisation.createMany({
          data: plan.organisations.map((o) => ({
            id: organisationIdOf(plan.slug, o.key),
            tenantId,
            name: o.name,
            acronym: o.acronym,
            type: o.type,
            region: o.region,
            sectors: o.sectors,
            website: o.website,
            foundedYear: o.foundedYear,
            description: o.description,
            province: o.province,
            themes: o.themes,
            languages: o.languages,
            offers: o.offers,
            offerTags: o.offerTags,
            needs: o.needs,
            needTags: o.needTags,
            email: o.email,
          })),
        });
        // The members module's lists match the profiles above, so its filters offer them.
        await tx.moduleSetting.create({ data: { tenantId, moduleId: "members", enabled: true, settings: membersSettings() as Prisma.InputJsonObject } });
        await tx.membership.createMany({
          data: people.flatMap((person: DemoAccount) =>
            person.memberships
              .filter((m) => m.coalition === plan.slug)
              .map((m) => ({
                tenantId,
                userId: idByEmail.get(person.email)!,
                role: m.role,
                organisationId: m.organisation ? organisationIdOf(plan.slug, m.organisation) : null,
              })),
          ),
        });
        await tx.activity.create({
          data: {
            tenantId,
            actorId: operatorId,
            action: "tenant.created",
            subjectType: "tenant",
            subjectId: tenantId,
            data: { slug: plan.slug, name: plan.name, organisations: plan.organisations.length },
          },
        });
      }
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return { created: missing.map((p) => p.slug), existing };
}
