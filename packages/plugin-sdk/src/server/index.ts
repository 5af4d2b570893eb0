export { findTenant, getSession, notFound, requireTenant, requireUser, type RequestContext, type TenantSummary } from "./request.server.ts";
export { rolePermissions } from "./permissions.server.ts";
export { moduleState, withModule, type ModuleContext } from "./module-access.server.ts";
export {
  defineModuleServer, dispatchModuleEvent,
  type DispatchOutcome, type ModuleEvent, type ModuleMail, type ModuleServer, type Notification, type Subscriber, type SubscriberContext, type SubscriberLog,
} from "./subscribers.server.ts";
