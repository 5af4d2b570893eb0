import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkModules, type Module } from "@commons/plugin-sdk";
import { pluginNames } from "./names.ts";
import { idProblems, nextSteps, scaffoldPlugin } from "./scaffold.ts";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
let root: string;

beforeAll(async () => {
  // A stand-in repository: the generated plugin resolves its packages through the real node_modules.
  root = await mkdtemp(path.join(tmpdir(), "plugin-new-"));
  await symlink(path.join(repo, "node_modules"), path.join(root, "node_modules"), "dir");
  await symlink(path.join(repo, "tsconfig.base.json"), path.join(root, "tsconfig.base.json"));
  await mkdir(path.join(root, "packages/auth"), { recursive: true });
  await mkdir(path.join(root, "apps/portal"), { recursive: true });
  await writeFile(path.join(root, "apps/portal/package.json"), JSON.stringify({ version: "0.3.1" }));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("pluginNames", () => {
  it("derives the package, model, table and title from the id", () => {
    expect(pluginNames("work-plans")).toEqual({
      id: "work-plans",
      packageName: "@commons/work-plans",
      pascal: "WorkPlans",
      camel: "workPlans",
      snake: "work_plans",
      model: "WorkPlansItem",
      accessor: "workPlansItem",
      table: "work_plans_items",
      title: "Work plans",
    });
  });
});

describe("idProblems", () => {
  it("applies the build-time id rule, with its messages", () => {
    expect(idProblems("Bad_Id", { root })).toEqual(['id "Bad_Id" must be 3–40 lowercase letters, digits or hyphens, starting with a letter.']);
    expect(idProblems("admin", { root })).toEqual(['id "admin" is a path the portal uses under /c/:tenant/; choose another.']);
  });

  it("refuses an id whose package or folder exists", () => {
    expect(idProblems("auth", { root })).toEqual(['id "auth" is taken: packages/auth already exists.']);
  });
});

describe("scaffoldPlugin", () => {
  it("writes a plugin whose manifest passes the portal's checks", async () => {
    const { directory, files } = await scaffoldPlugin("work-plans", { root });
    expect(directory).toBe(path.join(root, "plugins/work-plans"));
    expect(files.sort()).toEqual(
      ["messages.ts", "package.json", "plugin.test.ts", "plugin.ts", "prisma/work-plans.prisma", "routes/index.tsx", "server.ts", "tsconfig.json", "vitest.config.ts"].sort(),
    );

    const pkg = JSON.parse(await readFile(path.join(directory, "package.json"), "utf8")) as { name: string; dependencies: Record<string, string> };
    expect(pkg.name).toBe("@commons/work-plans");
    expect(Object.keys(pkg.dependencies)).not.toContain("@commons/db");
    expect(await readFile(path.join(directory, "tsconfig.json"), "utf8")).toContain('"extends": "../../tsconfig.base.json"');

    const schema = await readFile(path.join(directory, "prisma/work-plans.prisma"), "utf8");
    expect(schema).toMatch(/model WorkPlansItem \{/);
    expect(schema).toMatch(/tenantId\s+String\s+@map\("tenant_id"\) @db\.Uuid/);
    expect(schema).toMatch(/id\s+String\s+@id @default\(uuid\(\)\) @db\.Uuid/);
    expect(schema).toContain('@@map("work_plans_items")');

    const route = await readFile(path.join(directory, "routes/index.tsx"), "utf8");
    expect(route).toContain('withModule(args, plugin, "work-plans:view"');
    expect(route).toContain("db.workPlansItem.findMany");
    expect(route).toContain("<h1>");
    expect(await readFile(path.join(directory, "server.ts"), "utf8")).toContain('"person.joined": onPersonJoined');
    expect(await readFile(path.join(directory, "plugin.test.ts"), "utf8")).toContain("createPluginHarness(plugin)");

    const plugin = ((await import(pathToFileURL(path.join(directory, "plugin.ts")).href)) as { default: Module }).default;
    expect(plugin).toMatchObject({
      id: "work-plans",
      portal: "^0.3.1",
      permissions: { "work-plans:view": { roles: expect.arrayContaining(["MEMBER"]) } },
      events: { subscribes: ["person.joined"] },
      messages: { en: { "work-plans.nav": "Work plans" } },
    });
    expect(plugin.settings?.parse({})).toEqual({ pageSize: 20 });
    expect(checkModules([plugin], "0.3.1", { checkFiles: true })).toEqual([]);
  });

  it("never overwrites: a second run for the same id fails", async () => {
    await expect(scaffoldPlugin("work-plans", { root })).rejects.toThrow('id "work-plans" is taken: plugins/work-plans already exists.');
  });

  it("prints the steps that install the plugin", () => {
    const steps = nextSteps(pluginNames("work-plans"));
    expect(steps).toContain('import workPlans from "@commons/work-plans"');
    expect(steps).toContain("npm run modules:link");
    expect(steps).toContain("npm run db:migration -- work_plans");
  });
});
