import { EVENTS } from "../constants.ts";

/** What emit accepts as a module event name: "<module>.<what_happened>", one dot. */
const MODULE_EVENT = /^[a-z][a-z0-9-]{1,38}[a-z0-9]\.[a-z][a-z0-9_]{0,63}$/;

/**
 * The name the status change is recorded under. EVENTS.statusChanged
 * ("members.organisation.status_changed") has two dots, which emit refuses; until
 * src/constants.ts renames it, the change is recorded as "members.organisation_status_changed"
 * (and its subscriber, keyed by EVENTS.statusChanged, waits for the rename to be dispatched).
 * Once the constant is a valid name, it is used as it is.
 */
export const STATUS_CHANGED_EVENT: string = MODULE_EVENT.test(EVENTS.statusChanged) ? EVENTS.statusChanged : oneDot(EVENTS.statusChanged);

function oneDot(name: string): string {
  const [module, ...rest] = name.split(".");
  return `${module}.${rest.join("_")}`;
}
