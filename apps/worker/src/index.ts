export { startWorker, type RunningWorker, type StartWorkerOptions } from "./start.server.ts";
export { createEventProcessor, type EventProcessor } from "./processor.server.ts";
export { HANDLERS, DeliveryCancelled, InvalidEvent, type EventEnvelope, type EventHandler, type HandlerContext } from "./handlers/index.ts";
