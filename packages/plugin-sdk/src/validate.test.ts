import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { definePlugin, type ModuleDefinition } from "./manifest.ts";
import { assertModules, checkModules, ModuleManifestError } from "./validate.ts";

const PORTAL = "0.1.0";
const here = pathToFileURL(path.join(tmpdir(), "manifest.ts")).href;

function plugin(overrides: Partial<ModuleDefinition> & { id: string }) {
  return definePlugin(here, {
    name: overrides.id,
    description: "A test module",
    version: "1.0.0",
    portal: "^0.1.0",
    ...overrides,
  });
}


function problemsOf(...modules: ReturnType<typeof plugin>[]) {
  return checkModules(modules, PORTAL).map((p) => `${p.module}: ${p.message}`);
}

describe("module manifests", () => {
  it("accept a well-formed module", () => {
    const taskforce = plugin({
      id: "taskforce",
      routes: [{ path: "", file: "routes/index.tsx" }, { path: ":taskforceId", file: "routes/taskforce.tsx" }],
      permissions: { "taskforce:view": { description: "See taskforces", roles: ["MEMBER"] } },
      navigation: [{ label: "taskforce.nav", path: "", permission: "taskforce:view" }],
      messages: { en: { "taskforce.nav": "Taskforces" } },
      settings: z.object({ publishToAll: z.boolean().default(true) }),
      events: { emits: ["taskforce.published"], subscribes: ["person.joined"] },
    });
    expect(problemsOf(taskforce)).toEqual([]);
    expect(() => assertModules([taskforce], PORTAL)).not.toThrow();
  });

  it("refuse a portal version outside the module's range", () => {
    expect(problemsOf(plugin({ id: "campaigns", portal: "^2.0.0" }))).toEqual(['campaigns: supports portal ^2.0.0, but this portal is 0.1.0.']);
    expect(problemsOf(plugin({ id: "campaigns", portal: "not a range" }))[0]).toMatch(/portal range "not a range" is not a semver range/);
    expect(problemsOf(plugin({ id: "campaigns", version: "one" }))[0]).toMatch(/version "one" is not a semantic version/);
  });

  it("refuse two modules with one id, and ids the portal uses", () => {
    expect(problemsOf(plugin({ id: "taskforce" }), plugin({ id: "taskforce" }))).toEqual(['taskforce: two modules claim the id "taskforce".']);
    expect(problemsOf(plugin({ id: "admin" }))[0]).toMatch(/"admin" is a path the portal uses/);
    expect(problemsOf(plugin({ id: "Task_Force" }))[0]).toMatch(/must be 3–40 lowercase letters/);
  });

  it("refuse two routes that match the same URLs, whatever their parameters are called", () => {
    const a = plugin({ id: "alpha", routes: [{ path: "items/:id", file: "a.tsx" }, { path: "items/:itemId", file: "b.tsx" }] });
    expect(problemsOf(a)).toEqual(["alpha: route /c/:tenant/alpha/items/:itemId is declared twice."]);
  });

  it("refuse a permission another module or the core already defines, or one outside the module's namespace", () => {
    const a = plugin({ id: "alpha", permissions: { "alpha:view": { description: "x", roles: [] } } });
    const b = plugin({ id: "beta", permissions: { "alpha:view": { description: "x", roles: [] }, "coalition:view": { description: "x", roles: [] } } });
    expect(problemsOf(a, b)).toEqual([
      'beta: permission "alpha:view" must start with "beta:".',
      'beta: permission "alpha:view" is already claimed by module "alpha".',
      'beta: permission "coalition:view" must start with "beta:".',
      'beta: permission "coalition:view" is already claimed by module "core".',
    ]);
  });

  it("refuse an event name claimed twice or taken from the core, and subscriptions to events nobody emits", () => {
    const a = plugin({ id: "alpha", events: { emits: ["alpha.done"] } });
    const b = plugin({ id: "beta", events: { emits: ["alpha.done", "post.created"], subscribes: ["alpha.done", "gamma.started"] } });
    expect(problemsOf(a, b)).toEqual([
      'beta: event "alpha.done" must start with "beta." (core events are emitted by the core).',
      'beta: event "alpha.done" is already claimed by module "alpha".',
      'beta: event "post.created" must start with "beta." (core events are emitted by the core).',
      'beta: event "post.created" is already claimed by module "core".',
      'beta: subscribes to "gamma.started", which neither the core nor any installed module emits.',
    ]);
  });

  it("refuse event names the outbox would refuse", () => {
    expect(problemsOf(plugin({ id: "digests", events: { emits: ["digests.weekly.sent", "digests.Sent", "digests.weekly_sent"] } }))).toEqual([
      'digests: event "digests.weekly.sent" must be "digests." and then lowercase letters, digits and underscores (like "digests.item_published").',
      'digests: event "digests.Sent" must be "digests." and then lowercase letters, digits and underscores (like "digests.item_published").',
    ]);
  });

  it("let a core module declare the core events it is the source of, and no plugin", () => {
    expect(problemsOf(plugin({ id: "members", core: true, events: { emits: ["organisation.admitted"] } }))).toEqual([]);
    expect(problemsOf(plugin({ id: "rosters", events: { emits: ["organisation.admitted"] } }))).toHaveLength(2);
  });

  it("refuse a settings schema that cannot be stored as JSON or lacks defaults", () => {
    const transform = plugin({ id: "alpha", settings: z.object({ size: z.string().transform((s) => s.length).default(1) }) as unknown as z.ZodObject });
    expect(problemsOf(transform)[0]).toMatch(/alpha: settings schema cannot be stored or rendered as a form/);
    const date = plugin({ id: "beta", settings: z.object({ since: z.date().default(new Date(0)) }) });
    expect(problemsOf(date)[0]).toMatch(/beta: settings schema cannot be stored or rendered as a form: Date/);
    const noDefault = plugin({ id: "gamma", settings: z.object({ name: z.string() }) });
    expect(problemsOf(noDefault)).toEqual(["gamma: settings schema needs a default for every field, so a coalition can switch the module on before editing them."]);
  });

  it("refuse navigation without an English label or with an unknown permission", () => {
    const m = plugin({ id: "alpha", navigation: [{ label: "alpha.nav", path: "", permission: "alpha:view" }], messages: { en: {} } });
    expect(problemsOf(m)).toEqual([
      'alpha: navigation label "alpha.nav" has no English message.',
      'alpha: navigation entry "alpha.nav" needs permission "alpha:view", which no module defines.',
    ]);
  });

  it("refuse a scheduled job with a bad id or an invalid cron pattern", () => {
    const jobs = {
      "daily-digest": { description: "ok", cron: "0 6 * * *" },
      "Bad_Id": { description: "bad id", cron: "0 6 * * *" },
      "six-fields": { description: "seconds are not allowed", cron: "0 0 6 * * *" },
      "nonsense": { description: "not a pattern", cron: "at dawn every day" },
      "out-of-range": { description: "hour 25", cron: "0 25 * * *" },
    };
    const problems = problemsOf(plugin({ id: "digests", jobs }));
    expect(problems).toHaveLength(4);
    expect(problems[0]).toBe('digests: job id "Bad_Id" must be lowercase letters, digits or hyphens.');
    expect(problems[1]).toBe('digests: job "six-fields": cron "0 0 6 * * *" must have five fields (minute hour day month weekday).');
    expect(problems[2]).toMatch(/^digests: job "nonsense": cron "at dawn every day" must have five fields/);
    expect(problems[3]).toMatch(/^digests: job "out-of-range": cron "0 25 \* \* \*" is not a valid pattern: /);
  });

  it("check that the files a module names exist, when asked to", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "module-"));
    writeFileSync(path.join(dir, "plugin.ts"), "");
    writeFileSync(path.join(dir, "index.tsx"), "");
    const m = definePlugin(pathToFileURL(path.join(dir, "plugin.ts")).href, {
      id: "alpha", name: "Alpha", description: "", version: "1.0.0", portal: "*",
      routes: [{ path: "", file: "index.tsx" }, { path: "missing", file: "missing.tsx" }],
      schema: "alpha.prisma",
    });
    expect(m.directory).toBe(dir);
    expect(checkModules([m], PORTAL, { checkFiles: true }).map((p) => p.message)).toEqual([
      `route file missing.tsx does not exist in ${dir}.`,
      `schema file alpha.prisma does not exist in ${dir}.`,
    ]);
  });

  it("throws one error naming every module at fault", () => {
    try {
      assertModules([plugin({ id: "alpha", portal: "^9" }), plugin({ id: "alpha" })], PORTAL);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ModuleManifestError);
      expect((error as Error).message).toBe(
        'The installed modules cannot be composed:\n  - module "alpha": supports portal ^9, but this portal is 0.1.0.\n  - module "alpha": two modules claim the id "alpha".',
      );
    }
  });
});
