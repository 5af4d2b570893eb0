import { withTenant } from "@commons/db";
import type { Module } from "../manifest.ts";
import { loadModuleServer, type SubscriberLog } from "./module-server.server.ts";

export type SeedOutcome = "seeded" | "already-there" | "no-seed";

/**
 * Demo data for installed modules, run by `npm start` for the demo coalitions. The first
 * time a module meets a coalition here, the module is switched on there and its seed runs,
 * both in one transaction; the module's settings row then marks it done, so a second start
 * (or a coalition that already configured the module) writes nothing.
 */
export async function seedModules(modules: readonly Module[], tenantIds: readonly string[], log: SubscriberLog): Promise<{ module: string; tenantId: string; outcome: SeedOutcome }[]> {
  const results: { module: string; tenantId: string; outcome: SeedOutcome }[] = [];
  for (const module of modules) {
    const server = await loadModuleServer(module);
    for (const tenantId of tenantIds) {
      const outcome = await withTenant(tenantId, null, async (db): Promise<SeedOutcome> => {
        if (await db.moduleSetting.findFirst({ where: { moduleId: module.id }, select: { id: true } })) return "already-there";
        await db.moduleSetting.create({ data: { tenantId, moduleId: module.id, enabled: true, settings: {} } });
        if (!server?.seed) return "no-seed";
        const settings = module.settings?.parse({}) ?? {};
        const [memberships, organisations] = await Promise.all([
          db.membership.findMany({ orderBy: { createdAt: "asc" }, select: { userId: true, role: true, organisationId: true, user: { select: { name: true } } } }),
          db.organisation.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
        ]);
        await server.seed({
          db,
          tenantId,
          settings,
          log,
          members: memberships.map((m) => ({ userId: m.userId, name: m.user.name, role: m.role, organisationId: m.organisationId })),
          organisations,
        });
        return "seeded";
      });
      results.push({ module: module.id, tenantId, outcome });
    }
  }
  return results;
}
