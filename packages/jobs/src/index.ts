export {
  EVENT_SCHEMAS,
  EVENT_JOB_OPTIONS,
  EVENTS_QUEUE,
  eventBelongsToTenant,
  isEventType,
  parseEventPayload,
  type EventJobData,
  type EventPayload,
  type EventType,
} from "./events.ts";
export { recordEvent, recordModuleEvent, type NewEvent, type OutboxWriter } from "./outbox.server.ts";
export {
  assertRedisIsDurable,
  closeQueueConnections,
  createQueue,
  createWorker,
  queueBackendName,
  redisConnection,
  type BackendOptions,
  type JobQueue,
  type JobWorker,
  type QueueBackendName,
} from "./backend.server.ts";
export { startOutboxRelay, type OutboxRelay, type OutboxRelayOptions, type OwnerClient } from "./relay.server.ts";
export { deliverOnce, deliveryMessageId, type DeliveryKey, type DeliverOptions } from "./deliveries.server.ts";
