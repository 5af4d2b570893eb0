/** What global setup hands to the test workers, through environment variables. */
export const ENV = {
  baseUrl: "E2E_BASE_URL",
  mailDir: "E2E_MAILBOX_DIR",
  portalLog: "E2E_PORTAL_LOG",
  workerLog: "E2E_WORKER_LOG",
  /** The owner URL of this run's database, for the few tests that must age a token. */
  databaseUrl: "E2E_DATABASE_URL",
} as const;

export function fromSetup(name: keyof typeof ENV): string {
  const value = process.env[ENV[name]];
  if (!value) throw new Error(`${ENV[name]} is not set: run the tests with \`npm test -w @commons/e2e\` so global setup starts the portal.`);
  return value;
}
