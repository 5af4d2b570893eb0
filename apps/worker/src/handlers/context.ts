import type { MailTransport } from "@commons/email";
import type { OwnerClient } from "@commons/jobs";
import type { Logger } from "@commons/log";

/** What every handler is handed; nothing global, so tests pass real but local services. */
export interface HandlerContext {
  ownerClient: OwnerClient;
  transport: MailTransport;
  /** Links in emails are built from this alone, never from a request's Host header. */
  publicUrl: string;
  log: Logger;
}

export interface EventEnvelope {
  eventId: string;
  type: string;
  tenantId: string | null;
  payload: unknown;
}

export type EventHandler = (event: EventEnvelope, ctx: HandlerContext) => Promise<void>;

/**
 * Thrown from inside a send when, at the last moment, the email should not go (an
 * invitation revoked while its job waited). The delivery is recorded as not sent and the
 * job completes.
 */
export class DeliveryCancelled extends Error {
  constructor(reason: string) {
    super(`Not sent: ${reason}`);
    this.name = "DeliveryCancelled";
  }
}

/** An event that can never be handled as recorded (no tenant where one is required). */
export class InvalidEvent extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidEvent";
  }
}
