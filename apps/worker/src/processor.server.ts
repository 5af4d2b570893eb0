import { UnrecoverableError, type Job } from "bullmq";
import { ZodError } from "zod";
import { isPermanentSmtpError } from "@commons/email";
import { isEventType, type EventJobData } from "@commons/jobs";
import { MODULES } from "@commons/portal/modules";
import type { Module } from "@commons/plugin-sdk";
import { dispatchModuleEvent } from "@commons/plugin-sdk/server";
import { HANDLERS, InvalidEvent, type HandlerContext } from "./handlers/index.ts";

export type EventProcessor = (job: Job<EventJobData, unknown, string>) => Promise<void>;

/**
 * Retry only what may succeed later. A 5xx bounce or a payload that fails its schema would
 * fail the same way eight times, so those become UnrecoverableError: BullMQ stops retrying
 * and keeps the job in `failed` for an operator. Everything else is rethrown and retried
 * with exponential backoff.
 */
export function createEventProcessor(ctx: HandlerContext, modules: readonly Module[] = MODULES): EventProcessor {
  return async (job) => {
    const { eventId, type, tenantId, payload } = job.data;
    const handler = isEventType(type) ? HANDLERS[type] : undefined;
    try {
      if (handler) await handler({ eventId, type, tenantId, payload }, ctx);
      // Then every installed module that subscribes; each runs at most once per event, so a
      // retry after one subscriber failed repeats none of the work already done.
      const ran = tenantId ? await dispatchModuleEvent(modules, { id: eventId, type, tenantId, payload }, { ownerClient: ctx.ownerClient, log: ctx.log, mail: { transport: ctx.transport, publicUrl: ctx.publicUrl } }) : {};
      if (!handler && Object.keys(ran).length === 0) ctx.log.info("no handler for this event; completing", { eventId, type, jobId: job.id });
    } catch (error) {
      if (error instanceof ZodError) throw new UnrecoverableError(`Invalid ${type} payload: ${error.message}`);
      if (error instanceof InvalidEvent) throw new UnrecoverableError(error.message);
      if (isPermanentSmtpError(error)) throw new UnrecoverableError(`Permanent delivery failure: ${(error as Error).message}`);
      throw error;
    }
  };
}
