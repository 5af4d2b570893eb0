import { z } from "zod";

/**
 * Domain events that go through the outbox. A payload carries ids only, never secrets or
 * personal data: handlers load what they need when they run, so a token or an address
 * changed in between is never sent stale, and the outbox never holds a raw token.
 */
const id = z.guid();

export const EVENT_SCHEMAS = {
  "account.verification_requested": z.object({ userId: id }),
  "account.password_reset_requested": z.object({ userId: id }),
  "invitation.created": z.object({ invitationId: id }),
  "person.joined": z.object({ userId: id, membershipId: id }),
  "organisation.admitted": z.object({ organisationId: id }),
  "consultation.opened": z.object({ consultationId: id }),
  /** The consultation's "you said, we did" statement is published: the loop is closed. */
  "consultation.closed": z.object({ consultationId: id }),
  "post.created": z.object({ postId: id, threadId: id, forumId: id, authorId: id, mentionedUserIds: z.array(id).default([]) }),
  "decision.recorded": z.object({ proposalId: id, forumId: id, outcome: z.string().max(40) }),
} as const;

export type EventType = keyof typeof EVENT_SCHEMAS;
export type EventPayload<T extends EventType> = z.infer<(typeof EVENT_SCHEMAS)[T]>;

/** Events about an account carry no tenant; every other event belongs to one coalition. */
const ACCOUNT_EVENTS: ReadonlySet<EventType> = new Set(["account.verification_requested", "account.password_reset_requested"]);

export function eventBelongsToTenant(type: EventType): boolean {
  return !ACCOUNT_EVENTS.has(type);
}

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_SCHEMAS, type);
}

export function parseEventPayload<T extends EventType>(type: T, payload: unknown): EventPayload<T> {
  return EVENT_SCHEMAS[type].parse(payload) as EventPayload<T>;
}

/** What the relay puts on the events queue: the outbox row, with its id as the job id. */
export interface EventJobData {
  eventId: string;
  type: string;
  tenantId: string | null;
  payload: unknown;
}

export const EVENTS_QUEUE = "events";

/**
 * Retries back off from 5 s to about 10 min over 8 attempts (an SMTP outage of ~20 min is
 * absorbed). Failed jobs are kept so an operator sees them; completed ones go after a day,
 * by which time the deliveries table, not the job id, is what prevents a second send.
 */
export const EVENT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: "exponential", delay: 5_000 },
  removeOnComplete: { age: 86_400 },
  removeOnFail: false,
} as const;
