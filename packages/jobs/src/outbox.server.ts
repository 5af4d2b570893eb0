import { randomUUID } from "node:crypto";
import type { Prisma } from "@commons/db";
import { EVENT_SCHEMAS, eventBelongsToTenant, isEventType, type EventPayload, type EventType } from "./events.ts";

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

/** "<module id>.<what happened>", e.g. "taskforce.deliverable_published". */
const MODULE_EVENT = /^[a-z][a-z0-9-]{1,38}[a-z0-9]\.[a-z][a-z0-9_]{0,63}$/;

/**
 * A module's own event, in the caller's transaction. Its payload is the module's to define
 * (JSON); it always belongs to a coalition.
 */
export async function recordModuleEvent(db: OutboxWriter, event: { type: string; tenantId: string; payload: Record<string, unknown> }): Promise<string> {
  if (!MODULE_EVENT.test(event.type)) throw new Error(`"${event.type}" is not a module event name ("<module>.<what_happened>").`);
  if (isEventType(event.type)) throw new Error(`"${event.type}" is a core event: only the core records it.`);
  const id = randomUUID();
  await db.outboxEvent.createMany({ data: [{ id, type: event.type, tenantId: event.tenantId, payload: event.payload as Prisma.InputJsonObject }] });
  return id;
}
