/**
 * @commons/plugin-sdk/testing: integration tests for a module on a real database.
 * See docs/plugins.md, "Testing". Test code only: never import this from a route or server entry.
 */
export { useTestDatabase } from "@commons/db/test-database";
export {
  createPluginHarness,
  type CallData,
  type CallResult,
  type Dispatched,
  type FormInit,
  type HarnessArgs,
  type HarnessCoalition,
  type HarnessContext,
  type HarnessOptions,
  type HarnessPerson,
  type LogEntry,
  type OtherTenant,
  type OutboxRow,
  type PersonOptions,
  type PluginHarness,
} from "./harness.server.ts";
export type { Mailbox, ParsedMessage } from "@commons/email/mailbox";
