/** The names one module id turns into: package, Prisma model, table, accessor, title. */
export interface PluginNames {
  /** "work-plans" */
  id: string;
  /** "@commons/work-plans" */
  packageName: string;
  /** "WorkPlans": the prefix of every Prisma model and enum the module declares. */
  pascal: string;
  /** "workPlans": the manifest's import name in modules.config.ts. */
  camel: string;
  /** "work_plans": table names and the migration name. */
  snake: string;
  /** "WorkPlansItem" */
  model: string;
  /** "workPlansItem": the model on the tenant-scoped client (db.workPlansItem). */
  accessor: string;
  /** "work_plans_items" */
  table: string;
  /** "Work plans" */
  title: string;
}

export function pluginNames(id: string): PluginNames {
  const words = id.split("-").filter(Boolean);
  const pascal = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
  const camel = pascal[0]!.toLowerCase() + pascal.slice(1);
  const snake = words.join("_");
  const title = words.join(" ");
  return {
    id,
    packageName: `@commons/${id}`,
    pascal,
    camel,
    snake,
    model: `${pascal}Item`,
    accessor: `${camel}Item`,
    table: `${snake}_items`,
    title: title[0]!.toUpperCase() + title.slice(1),
  };
}
