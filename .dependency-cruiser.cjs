/**
 * The arrows of DESIGN.md, checked on every `npm test`:
 * apps → modules (packages/*, plugins/*) → plugin-sdk, auth, jobs, email, ui → db.
 */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment:
        "Import cycles make modules impossible to load or test alone. A lazy import() does not count: a module's manifest loads its server entry on demand, and the server entry may import the manifest.",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["dynamic-import"] } },
    },
    {
      name: "no-reaching-into-other-packages",
      severity: "error",
      comment: "Import another workspace by its package name (its exports), never by a relative path into its files.",
      from: { path: "^(apps|packages|plugins)/([^/]+)/" },
      to: { path: "^(apps|packages|plugins)/([^/]+)/", pathNot: ["^$1/$2/"], dependencyTypesNot: ["aliased-workspace"] },
    },
    {
      name: "plugins-never-touch-the-database-directly",
      severity: "error",
      comment: "Plugins reach core data only through what the plugin SDK hands them.",
      from: { path: "^plugins/" },
      to: { path: "^packages/db/" },
    },
    {
      name: "libraries-do-not-import-apps",
      severity: "error",
      from: { path: "^(packages|plugins)/" },
      to: { path: "^apps/" },
    },
    {
      name: "db-depends-on-no-other-workspace",
      severity: "error",
      from: { path: "^packages/db/" },
      to: { path: "^(apps|plugins)/|^packages/(?!db/)" },
    },
    {
      name: "browser-code-never-imports-server-code",
      severity: "error",
      comment: "Route components and ui run in the browser; *.server.ts stays on the server.",
      from: { path: "^packages/ui/" },
      to: { path: "\\.server\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|build|\\.data|test-results|generated)/" },
    tsConfig: { fileName: "tsconfig.base.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "default"], extensions: [".ts", ".tsx", ".js", ".mjs"] },
    combinedDependencies: true,
    preserveSymlinks: false,
  },
};
