import { randomUUID } from "node:crypto";
import type { Prisma } from "@commons/db";
import { EVENT_SCHEMAS, eventBelongsToTenant, type EventPayload, type EventType } from "./events.ts";

/**
 * Any transaction client that can write outbox rows: the tenant-scoped `Db` inside
 * withTenant/withAccount, or an owner transaction.
 */
export interface OutboxWriter {
  outboxEvent: { createMany(args: { data: Prisma.OutboxEventCreateManyInput[] }): PromiseLike<unknown> };
}

export interface NewEvent<T extends EventType> {
  type: T;
  tenantId: string | null;
  payload: EventPayload<T>;
}

/**
 * Writes the event in the caller's transaction, so it exists exactly when the change it
 * describes does. createMany, not create: the app role may INSERT into outbox_events but
 * not SELECT, and create would read the row back (RETURNING).
 */
export async function recordEvent<T extends EventType>(db: OutboxWriter, event: NewEvent<T>): Promise<string> {
  const payload = EVENT_SCHEMAS[event.type].parse(event.payload);
  if (eventBelongsToTenant(event.type) !== (event.tenantId !== null)) {
    throw new Error(
      eventBelongsToTenant(event.type)
        ? `${event.type} belongs to a coalition: pass its tenantId.`
        : `${event.type} is about an account, not a coalition: pass tenantId null.`,
    );
  }
  const id = randomUUID();
  await db.outboxEvent.createMany({ data: [{ id, type: event.type, tenantId: event.tenantId, payload }] });
  return id;
}
