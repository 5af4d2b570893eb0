/**
 * Domain events the core emits, declared up front so modules can subscribe to them even
 * before the emitting module exists. A module may not claim to emit one of these.
 */
export const CORE_EVENTS = [
  "person.joined",
  "organisation.admitted",
  "consultation.opened",
  "consultation.closed",
  "post.created",
  "decision.recorded",
] as const;

export type CoreEvent = (typeof CORE_EVENTS)[number];
