import type { NextFunction, Request, Response } from "express";
import { appClient, disconnectAppClient, pendingMigrations, sqlCountEnabled, withSqlCount } from "@commons/db";

export async function checkReadiness(): Promise<{ ready: boolean; database: string; pendingMigrations?: string[] }> {
  try {
    const applied = await appClient().$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const pending = await pendingMigrations(applied.map((r) => r.migration_name));
    return pending.length ? { ready: false, database: "reachable", pendingMigrations: pending } : { ready: true, database: "ok" };
  } catch (error) {
    return { ready: false, database: `unreachable: ${(error as Error).message.split("\n")[0]}` };
  }
}

export async function disconnectAll(): Promise<void> {
  await disconnectAppClient();
}

/** With SQL_COUNT=1 the response says how many statements it ran (for `npm run bench`). */
export function withRequestSqlCount(_req: Request, res: Response, next: NextFunction) {
  if (!sqlCountEnabled()) return next();
  const { read } = withSqlCount(() => {
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
    (res as { writeHead: unknown }).writeHead = (...args: unknown[]) => {
      res.setHeader("x-sql-statements", String(read()));
      return writeHead(...args);
    };
    next();
  });
}
