import { afterAll, beforeAll, inject } from "vitest";
import { disconnectAppClient } from "./app-client.server.ts";
import { disconnectOwnerClient } from "./admin.server.ts";
import { createTestDatabase, type TestDatabase } from "./testing.server.ts";

/**
 * Gives the calling test file its own migrated database and points DATABASE_URL and
 * APP_DATABASE_URL at it, so the code under test uses its real clients.
 */
export function useTestDatabase(): { current: TestDatabase } {
  const ref = {} as { current: TestDatabase };
  beforeAll(async () => {
    ref.current = await createTestDatabase(inject("databaseServerUrl"), inject("databaseTemplate"));
    process.env.DATABASE_URL = ref.current.ownerUrl;
    process.env.APP_DATABASE_URL = ref.current.appUrl;
  });
  afterAll(async () => {
    await disconnectAppClient();
    await disconnectOwnerClient();
    await ref.current?.drop();
  });
  return ref;
}
