import { disconnectAppClient } from "@commons/db";
import { disconnectOwnerClient, ownerClient } from "@commons/db/admin";
import { seedModules } from "@commons/plugin-sdk/server";
import { MODULES } from "../modules.config.ts";

/**
 * `npm start`'s demo data for the installed modules: `tsx seed-modules.ts <slug> …` switches
 * every module on in those coalitions and runs its seed, the first time only. It lives in
 * the portal because the module list does; the launcher runs it after the core seed.
 */
const slugs = process.argv.slice(2);
const quiet = { info: () => undefined, warn: (message: string, fields?: Record<string, unknown>) => console.warn(message, fields ?? "") };

try {
  const tenants = await ownerClient().tenant.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const slugOf = new Map(tenants.map((t) => [t.id, t.slug]));
  const results = await seedModules(MODULES, tenants.map((t) => t.id), quiet);
  const seeded = results.filter((r) => r.outcome !== "already-there");
  // One line for the launcher to show: what was switched on where.
  console.log(seeded.length ? `modules on: ${seeded.map((r) => `${r.module} in ${slugOf.get(r.tenantId)}`).join(", ")}` : "modules: already seeded");
} finally {
  await Promise.all([disconnectOwnerClient(), disconnectAppClient()]);
}
