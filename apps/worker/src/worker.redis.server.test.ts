import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withAccount } from "@commons/db";
import { ownerClient } from "@commons/db/admin";
import { useTestDatabase } from "@commons/db/test-database";
import { startMailbox, type Mailbox } from "@commons/email/mailbox";
import { closeQueueConnections, createQueue, EVENTS_QUEUE, recordEvent } from "@commons/jobs";
import { createLogger } from "@commons/log";
import { startWorker, type RunningWorker } from "./start.server.ts";

// Its own file, so its own database: a second relay on the same outbox would race the
// PostgreSQL test's relay for the same rows.
describe.runIf(process.env.REDIS_URL)("the worker, end to end on Redis", () => {
  useTestDatabase();
  let mailbox: Mailbox;
  let worker: RunningWorker;
  const prefix = `test${randomBytes(4).toString("hex")}`;

  beforeAll(async () => {
    mailbox = await startMailbox();
    worker = await startWorker({
      backend: "redis",
      prefix,
      smtpUrl: mailbox.url,
      publicUrl: "http://portal.test",
      relayIntervalMs: 50,
      log: createLogger("worker-redis-test"),
    });
  });

  afterAll(async () => {
    await worker?.stop();
    await mailbox?.close();
    // The shared Redis outlives the test: leave no keys behind.
    const queue = createQueue(EVENTS_QUEUE, { backend: "redis", prefix });
    await queue.obliterate({ force: true });
    await queue.close();
    await closeQueueConnections();
  });

  it("relays an outbox event through Redis and sends the email", async () => {
    expect(worker.backend).toBe("redis");
    const email = `ada-${randomUUID()}@example.org`;
    const user = await ownerClient().user.create({ data: { email, name: "Ada" } });
    await withAccount(null, (db) => recordEvent(db, { type: "account.verification_requested", tenantId: null, payload: { userId: user.id } }));
    const message = await mailbox.waitFor((m) => m.to.includes(email));
    expect(message.text).toMatch(/http:\/\/portal\.test\/verify-email\/[a-z0-9]+/);
  });
});
