import type { HarnessCoalition, HarnessPerson, PluginHarness } from "@commons/plugin-sdk/testing";

export interface OrgInput {
  name: string;
  acronym?: string;
  type?: string;
  region?: string;
  province?: string;
  sectors?: string[];
  themes?: string[];
  languages?: string[];
  description?: string;
  offers?: string;
  needs?: string;
  email?: string;
  status?: "APPLIED" | "ACTIVE" | "SUSPENDED" | "LEFT";
}

/** Writes an organisation straight into a coalition (arranging a test, not the code under test). */
export async function makeOrganisation(coalition: HarnessCoalition, input: OrgInput): Promise<string> {
  const row = await coalition.db((db) =>
    db.organisation.create({
      data: { tenantId: coalition.tenant.id, type: "NGO", region: "Caraga", ...input },
      select: { id: true },
    }),
  );
  return row.id;
}

/** The id of the organisation a harness person was created with. */
export async function organisationOf(coalition: HarnessCoalition, person: HarnessPerson): Promise<string> {
  const membership = await coalition.db((db) => db.membership.findFirstOrThrow({ where: { userId: person.id }, select: { organisationId: true } }));
  return membership.organisationId!;
}

export function get(h: PluginHarness, person: HarnessPerson | null, loader: (args: never) => unknown, sub: string, params: Record<string, string> = {}, coalition: HarnessCoalition = h) {
  const request = person ? person.request(coalition.path(sub)) : new Request(new URL(coalition.path(sub), "http://localhost"));
  return h.call(loader as never, { request, params: { tenant: coalition.tenant.slug, ...params } }) as ReturnType<PluginHarness["call"]>;
}
