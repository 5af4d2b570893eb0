/** What global setup hands to the test workers, through environment variables. */
export const ENV = {
  baseUrl: "E2E_BASE_URL",
  mailDir: "E2E_MAILBOX_DIR",
  portalLog: "E2E_PORTAL_LOG",
  workerLog: "E2E_WORKER_LOG",
} as const;

export function fromSetup(name: keyof typeof ENV): string {
  const value = process.env[ENV[name]];
  if (!value) throw new Error(`${ENV[name]} is not set: run the tests with \`npm test -w @commons/e2e\` so global setup starts the portal.`);
  return value;
}
