import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Counts SQL statements per request when SQL_COUNT=1 (the bench reads the count from a
 * response header). Off by default: counting wraps every pg query call.
 */
export interface SqlCounter {
  statements: number;
}

// One per process: server.ts (run by tsx) and the portal's Vite bundle each load their own
// copy of this module, and both must see the same store.
const KEY = Symbol.for("commons.sqlStatementCounter");
const holder = globalThis as { [KEY]?: AsyncLocalStorage<SqlCounter> };
const counter = (holder[KEY] ??= new AsyncLocalStorage<SqlCounter>());

export function currentSqlCounter(): SqlCounter | undefined {
  return counter.getStore();
}

export const sqlCountEnabled = () => process.env.SQL_COUNT === "1";

export function withSqlCount<T>(work: () => T): { result: T; read: () => number } {
  const state = { statements: 0 };
  const result = counter.run(state, work);
  return { result, read: () => state.statements };
}

export function countStatement(state: SqlCounter | undefined = counter.getStore()): void {
  if (state) state.statements++;
}
