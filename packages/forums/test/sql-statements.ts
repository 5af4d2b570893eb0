import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";

// Counts the SQL statements a call sends, whichever pooled connection carries them: every
// statement goes through pg's Client#query, in the async context of the call that issued it.
// (SQL_COUNT=1, the bench's counter, hands Prisma a pool the harness cannot close.)
const sent = new AsyncLocalStorage<{ statements: number }>();
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  const state = sent.getStore();
  if (state) state.statements++;
  return query.apply(this, args);
};

/** What `work` returns, and how many SQL statements it sent (everything counted). */
export async function counted<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const state = { statements: 0 };
  const result = await sent.run(state, work);
  return { result, statements: state.statements };
}
