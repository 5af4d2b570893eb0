import type { Db } from "@commons/db";
import { isEventType, recordEvent, recordModuleEvent } from "@commons/jobs";
import { CORE_EVENTS } from "../core-events.ts";
import type { Module } from "../manifest.ts";

/**
 * The `emit` a module's hooks and routes get: its own events ("<id>.…") go to the outbox
 * as they are; a core module (members, consultations, forums) may also record the core
 * events it is the source of, checked against their payload schemas.
 */
export function moduleEmitter(db: Db, module: Module, tenantId: string): (type: string, payload: Record<string, unknown>) => Promise<string> {
  return (type, payload) => {
    if (module.core && (CORE_EVENTS as readonly string[]).includes(type) && isEventType(type)) {
      return recordEvent(db, { type, tenantId, payload } as Parameters<typeof recordEvent>[1]);
    }
    if (!type.startsWith(`${module.id}.`)) throw new Error(`Module "${module.id}" may only emit its own events ("${module.id}.…"), not "${type}".`);
    return recordModuleEvent(db, { type, tenantId, payload });
  };
}
