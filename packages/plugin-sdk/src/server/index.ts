export { findTenant, getSession, notFound, requireTenant, requireUser, type RequestContext, type TenantSummary } from "./request.server.ts";
export { rolePermissions } from "./permissions.server.ts";
export {
  moduleState, provideModuleNavigation, withModule, withModuleVisitor,
  type ModuleContext, type ModulePerson, type NavigationProvider, type VisitorContext,
} from "./module-access.server.ts";
export {
  defineModuleServer, loadModuleServer,
  type EmailOptions, type EmailTemplate, type HookContext, type JobContext, type JobProcessor, type ModuleEvent, type ModuleServer, type Notification, type SeedContext, type Subscriber, type SubscriberContext, type SubscriberLog,
} from "./module-server.server.ts";
export { dispatchModuleEvent, type DispatchOutcome, type ModuleMail } from "./subscribers.server.ts";
export {
  MODULE_JOB_OPTIONS, MODULE_JOBS_QUEUE, moduleJobSchedules, processModuleJob, runModuleJob, syncModuleJobSchedulers,
  type ModuleJobData, type ModuleJobDeps, type ModuleJobOutcome, type ModuleJobSchedule,
} from "./jobs.server.ts";
export { guardFor, requireId, type ModuleRouteArgs } from "./route-guard.server.ts";
export { seedModules, type SeedOutcome } from "./seed.server.ts";
export { signToken, verifyToken, type TokenClaims } from "./signed-token.server.ts";
