import type { PluginNames } from "./names.ts";

/**
 * The files of a new plugin, by path inside plugins/<id>/. Every plugin starts from the
 * same layout (docs/plugins.md, "The module shape"); the generated test passes once the
 * plugin is installed and its migration written (the steps `npm run plugin:new` prints).
 */
export function pluginFiles(n: PluginNames, portalVersion: string): Record<string, string> {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    "package.json": json({
      name: n.packageName,
      private: true,
      version: "0.1.0",
      type: "module",
      description: `${n.title}: a Commons plugin.`,
      exports: { ".": "./plugin.ts", "./server": "./server.ts" },
      scripts: { typecheck: "tsc --noEmit", lint: "eslint .", test: "vitest run" },
      dependencies: {
        "@commons/plugin-sdk": "*",
        "@remix-run/node": "^2.17.5",
        "@remix-run/react": "^2.17.5",
        react: "^18.3.1",
        zod: "^4.1.0",
      },
      devDependencies: { "@types/react": "^18.3.12" },
    }),

    "tsconfig.json": json({ extends: "../../tsconfig.base.json", include: ["*.ts", "routes"] }),

    "vitest.config.ts": `import { defineConfig } from "vitest/config";

// Integration tests on real PostgreSQL: one migrated template per run, a database per file.
export default defineConfig({
  test: { include: ["*.test.ts"], globalSetup: ["@commons/plugin-sdk/testing/global-setup"], testTimeout: 30_000, hookTimeout: 60_000 },
});
`,

    "messages.ts": `/** The plugin's English catalogue; every key starts with "${n.id}.". */
export const en = {
  "${n.id}.nav": ${JSON.stringify(n.title)},
  "${n.id}.title": ${JSON.stringify(n.title)},
  "${n.id}.empty": "Nothing here yet.",
  // The settings form labels each field with "<id>.settings.<field>" (else its description).
  "${n.id}.settings.pageSize": "Items per page",
} as const;
`,

    "plugin.ts": `import { z } from "zod";
import { definePlugin } from "@commons/plugin-sdk";
import { en } from "./messages.ts";

/** Per-coalition settings: every field needs a default (the portal renders the form from this). */
export const settings = z.object({
  pageSize: z.number().int().min(1).max(100).default(20).describe("How many items the page lists"),
});

export default definePlugin(import.meta.url, {
  id: "${n.id}",
  name: ${JSON.stringify(n.title)},
  description: ${JSON.stringify(`${n.title}: describe what the plugin adds to a coalition.`)},
  version: "0.1.0",
  portal: "^${portalVersion}",
  routes: [{ path: "", file: "routes/index.tsx" }],
  navigation: [{ label: "${n.id}.nav", path: "", permission: "${n.id}:view" }],
  permissions: {
    "${n.id}:view": { description: ${JSON.stringify(`See ${n.title}`)}, roles: ["SECRETARIAT_ADMIN", "SECRETARIAT_STAFF", "FOCAL_POINT", "MEMBER"] },
  },
  settings,
  events: { emits: [], subscribes: ["person.joined"] },
  schema: "prisma/${n.id}.prisma",
  messages: { en },
  server: () => import("./server.ts"),
});
`,

    "routes/index.tsx": `import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { withModule, type RequestContext } from "@commons/plugin-sdk/server";
import { en } from "../messages.ts";
import plugin from "../plugin.ts";

/** What the portal calls a loader with (its load context satisfies RequestContext). */
type RouteArgs = { request: Request; context: RequestContext; params: { tenant?: string } };

export const meta: MetaFunction = () => [{ title: \`\${en["${n.id}.title"]} · Commons\` }];

export async function loader(args: RouteArgs) {
  // Signed in, a member of this coalition, module switched on, permission held; else 404.
  return withModule(args, plugin, "${n.id}:view", async ({ db, settings, nav }) => {
    // db is scoped to the coalition: no tenant filter to write, none to forget.
    const items = await db.${n.accessor}.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: settings.pageSize,
      select: { id: true, title: true },
    });
    // \`member\`: the coalition bar, built in this same transaction.
    return { items, member: nav };
  });
}

export default function ${n.pascal}Index() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <main id="main">
      <h1>{en["${n.id}.title"]}</h1>
      {items.length ? (
        <ul>
          {items.map((item) => (
            <li key={item.id}>{item.title}</li>
          ))}
        </ul>
      ) : (
        <p>{en["${n.id}.empty"]}</p>
      )}
    </main>
  );
}
`,

    [`prisma/${n.id}.prisma`]: `// The ${n.title} plugin's tables. Every row belongs to one coalition: tenant_id NOT NULL, so
// \`npm run db:migration\` puts each table behind row-level security and grants it to the
// app role. Model names share one namespace with the core and every module: start them
// with "${n.pascal}". No relations into the core schema (they would need a field on a core
// model): people and organisations are plain uuid columns, checked against the coalition.

model ${n.model} {
  id          String   @id @default(uuid()) @db.Uuid
  tenantId    String   @map("tenant_id") @db.Uuid
  title       String
  createdById String?  @map("created_by_id") @db.Uuid
  createdAt   DateTime @default(now()) @map("created_at")

  @@unique([tenantId, id])
  @@index([tenantId, createdAt])
  @@map("${n.table}")
}
`,

    "server.ts": `import { z } from "zod";
import type { ModuleEvent, ModuleServer, SubscriberContext } from "@commons/plugin-sdk/server";
// Type-only: plugin.ts imports this file lazily (its \`server\`), so a value import would be a cycle.
import type { settings } from "./plugin.ts";

/**
 * The plugin's server entry, loaded lazily by the worker. The worker hands each event named
 * in the manifest's events.subscribes to its subscriber once, after the change it describes
 * has committed, inside the coalition's transaction, and only while the coalition has the
 * plugin switched on.
 */

/** "person.joined" carries ids only: load what you need by id. */
const personJoined = z.object({ userId: z.uuid(), membershipId: z.uuid() });

export async function onPersonJoined(event: ModuleEvent, { log }: SubscriberContext<typeof settings>): Promise<void> {
  const { userId } = personJoined.parse(event.payload);
  // Welcome the new person here: the context also hands you db (this coalition), settings and emit.
  log.info("${n.id}: a person joined", { userId });
}

const server: ModuleServer<typeof settings> = { subscribers: { "person.joined": onPersonJoined } };
export default server;
`,

    "plugin.test.ts": `import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkModules } from "@commons/plugin-sdk";
import { defineModuleServer } from "@commons/plugin-sdk/server";
import { createPluginHarness, useTestDatabase, type PluginHarness } from "@commons/plugin-sdk/testing";
import plugin from "./plugin.ts";
import { loader } from "./routes/index.tsx";
import server from "./server.ts";

useTestDatabase();

let h: PluginHarness;
beforeAll(async () => {
  h = await createPluginHarness(plugin);
});
afterAll(() => h?.close());

describe("${n.id}", () => {
  it("passes the portal's build-time checks", () => {
    expect(checkModules([plugin], "${portalVersion}", { checkFiles: true })).toEqual([]);
    // Every subscriber is for an event the manifest subscribes to.
    expect(() => defineModuleServer(plugin, server)).not.toThrow();
  });

  it("shows a member the coalition's items, and no other coalition's", async () => {
    const member = await h.person({ role: "MEMBER" });
    await h.db((db) => db.${n.accessor}.create({ data: { tenantId: h.tenant.id, title: "Ours" } }));
    const other = await h.otherTenant();
    await other.db((db) => db.${n.accessor}.create({ data: { tenantId: other.tenant.id, title: "Theirs" } }));

    const page = await h.call(loader, { request: member.request(h.path()) });
    expect(page.status).toBe(200);
    expect(page.data?.items.map((item) => item.title)).toEqual(["Ours"]);
  });

  it("answers 404 to a signed-in person who is not a member", async () => {
    const stranger = await h.person({ role: null });
    expect((await h.call(loader, { request: stranger.request(h.path()) })).status).toBe(404);
  });

  it("handles person.joined once per event", async () => {
    const member = await h.person();
    const joined = await h.dispatch("person.joined", { userId: member.id, membershipId: crypto.randomUUID() });
    expect(joined.outcome).toBe("ran");
    expect((await h.dispatch("person.joined", {}, { eventId: joined.eventId })).outcome).toBe("already-ran");
  });
});
`,
  };
}
