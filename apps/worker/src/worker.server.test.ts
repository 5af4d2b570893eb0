import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumeAccountToken, hashToken } from "@commons/auth";
import { withAccount, withTenant } from "@commons/db";
import { ownerClient, ownerInTenant } from "@commons/db/admin";
import { useTestDatabase } from "@commons/db/test-database";
import { startMailbox, type Mailbox, type ParsedMessage } from "@commons/email/mailbox";
import { createQueue, EVENTS_QUEUE, recordEvent, type EventJobData, type JobQueue } from "@commons/jobs";
import { createLogger } from "@commons/log";
import { startWorker, type RunningWorker } from "./start.server.ts";

const PUBLIC_URL = "http://portal.test:3000";

useTestDatabase();
let mailbox: Mailbox;
let worker: RunningWorker;
let queue: JobQueue<EventJobData>;

beforeAll(async () => {
  mailbox = await startMailbox({ rejectRecipients: (address) => address.endsWith("@bounce.test") });
  worker = await startWorker({
    backend: "postgres",
    smtpUrl: mailbox.url,
    publicUrl: `${PUBLIC_URL}/`,
    relayIntervalMs: 50,
    log: createLogger("worker-test"),
  });
  queue = createQueue<EventJobData>(EVENTS_QUEUE, { backend: "postgres" });
});

afterAll(async () => {
  await worker?.stop();
  await queue?.close();
  await mailbox?.close();
});

async function createUser(email: string, name = "Ada Lovelace") {
  return ownerClient().user.create({ data: { email, name } });
}

const linkIn = (message: ParsedMessage, path: string) => {
  const match = message.text.match(new RegExp(`${PUBLIC_URL.replace(/\./g, "\\.")}/${path}/([a-z0-9]+)\\s`));
  if (!match) throw new Error(`no ${path} link in:\n${message.text}`);
  return match[1]!;
};

const finished = (jobId: string) => async () => (await queue.getJob(jobId))?.getState();

describe("the worker, end to end on PostgreSQL", () => {
  it("emails a verification link whose token is stored only as a hash, once, however often the job runs", async () => {
    const email = `ada-${randomUUID()}@example.org`;
    const user = await createUser(email);
    const eventId = await withAccount(null, (db) =>
      recordEvent(db, { type: "account.verification_requested", tenantId: null, payload: { userId: user.id } }),
    );

    const message = await mailbox.waitFor((m) => m.to.includes(email));
    expect(message.subject).toBe("Confirm your email address for Commons");
    expect(message.text).toContain("Hello Ada Lovelace,");
    expect(message.messageId).toMatch(new RegExp(`^<${eventId}\\.email\\.[0-9a-f]{16}@commons>$`));
    const token = linkIn(message, "verify-email");
    expect(message.html).toContain(`href="${PUBLIC_URL}/verify-email/${token}"`);

    const tokens = await ownerClient().$queryRaw<Record<string, unknown>[]>`SELECT * FROM account_tokens WHERE user_id = ${user.id}::uuid`;
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ token_hash: hashToken(token), purpose: "EMAIL_VERIFICATION" });
    const stored = JSON.stringify(
      await ownerClient().$queryRaw`SELECT (SELECT json_agg(t) FROM account_tokens t) AS tokens, (SELECT json_agg(o) FROM outbox_events o) AS outbox, (SELECT json_agg(d) FROM deliveries d) AS deliveries`,
    );
    expect(stored).not.toContain(token);

    await expect.poll(finished(eventId)).toBe("completed");
    // BullMQ ignores the same job id while the job is kept...
    await queue.add("account.verification_requested", (await queue.getJob(eventId))!.data, { jobId: eventId });
    // ...and once it is gone (removeOnComplete), the deliveries table stops a second email.
    await (await queue.getJob(eventId))!.remove();
    await queue.add("account.verification_requested", { eventId, type: "account.verification_requested", tenantId: null, payload: { userId: user.id } }, { jobId: eventId });
    await expect.poll(finished(eventId)).toBe("completed");
    expect(mailbox.messages().filter((m) => m.to.includes(email))).toHaveLength(1);
    expect(await ownerClient().accountToken.count({ where: { userId: user.id } })).toBe(1);

    expect(await consumeAccountToken(token, "EMAIL_VERIFICATION")).toBe(user.id);
  });

  it("emails a password reset link", async () => {
    const email = `bob-${randomUUID()}@example.org`;
    const user = await createUser(email, "Bob");
    await withAccount(null, (db) => recordEvent(db, { type: "account.password_reset_requested", tenantId: null, payload: { userId: user.id } }));
    const message = await mailbox.waitFor((m) => m.to.includes(email));
    expect(message.subject).toBe("Reset your Commons password");
    const token = linkIn(message, "reset-password");
    expect(await ownerClient().accountToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })).toMatchObject({
      userId: user.id,
      purpose: "PASSWORD_RESET",
    });
  });

  async function inviteToCoalition(opts: { revoked?: boolean } = {}) {
    const slug = `water-${randomUUID().slice(0, 8)}`;
    const tenant = await ownerClient().tenant.create({ data: { slug, name: "Water & Sanitation Coalition" } });
    const inviter = await createUser(`grace-${randomUUID()}@example.org`, "Grace Hopper");
    const email = `new-${randomUUID()}@example.org`;
    const invitation = await ownerInTenant(tenant.id, (tx) =>
      tx.invitation.create({
        data: {
          tenantId: tenant.id,
          email,
          role: "FOCAL_POINT",
          invitedById: inviter.id,
          expiresAt: new Date(Date.now() + 86_400_000),
          revokedAt: opts.revoked ? new Date() : null,
        },
      }),
    );
    const eventId = await withTenant(tenant.id, inviter.id, (db) =>
      recordEvent(db, { type: "invitation.created", tenantId: tenant.id, payload: { invitationId: invitation.id } }),
    );
    return { tenant, invitation, email, eventId };
  }

  it("emails an invitation whose link carries a token stored only as a hash", async () => {
    const { tenant, invitation, email } = await inviteToCoalition();
    const message = await mailbox.waitFor((m) => m.to.includes(email));
    expect(message.subject).toBe("You are invited to join Water & Sanitation Coalition on Commons");
    expect(message.text).toContain("Grace Hopper invites you to join Water & Sanitation Coalition as Focal point.");
    expect(message.html).toContain("Water &amp; Sanitation Coalition");
    const token = linkIn(message, `c/${tenant.slug}/join`);
    const stored = await ownerInTenant(tenant.id, (tx) => tx.invitation.findUniqueOrThrow({ where: { id: invitation.id } }));
    expect(stored.tokenHash).toBe(hashToken(token));
  });

  it("sends nothing for a revoked invitation and completes the job", async () => {
    const { email, eventId } = await inviteToCoalition({ revoked: true });
    await expect.poll(finished(eventId), { timeout: 10_000 }).toBe("completed");
    expect(mailbox.messages().filter((m) => m.to.includes(email))).toHaveLength(0);
  });

  it("stops retrying a permanent SMTP failure and leaves the job failed for an operator", async () => {
    const email = `gone-${randomUUID()}@bounce.test`;
    const user = await createUser(email);
    const eventId = await withAccount(null, (db) =>
      recordEvent(db, { type: "account.verification_requested", tenantId: null, payload: { userId: user.id } }),
    );
    await expect.poll(finished(eventId), { timeout: 10_000 }).toBe("failed");
    const job = await queue.getJob(eventId);
    expect(job?.attemptsMade).toBe(1);
    expect(job?.failedReason).toMatch(/Permanent delivery failure/);
    const delivery = await ownerClient().delivery.findFirstOrThrow({ where: { eventId } });
    expect(delivery).toMatchObject({ status: "failed", recipient: email });
    expect(delivery.error).toMatch(/rejected/);
  });

  it("fails an event whose payload breaks its schema once, without retrying", async () => {
    const eventId = randomUUID();
    // Written past recordEvent's check, as an older release or a hand-made row might have.
    await ownerClient().$executeRaw`INSERT INTO outbox_events (id, type, payload) VALUES (${eventId}::uuid, 'account.verification_requested', '{"userId":"nope"}'::jsonb)`;
    await expect.poll(finished(eventId), { timeout: 10_000 }).toBe("failed");
    const job = await queue.getJob(eventId);
    expect(job?.attemptsMade).toBe(1);
    expect(job?.failedReason).toMatch(/Invalid account.verification_requested payload/);
  });

  it("completes events that have no handler yet", async () => {
    const tenant = await ownerClient().tenant.create({ data: { slug: `t-${randomUUID().slice(0, 8)}`, name: "Forum" } });
    const eventId = await withTenant(tenant.id, null, (db) => recordEvent(db, { type: "decision.recorded", tenantId: tenant.id, payload: { proposalId: randomUUID(), forumId: randomUUID(), outcome: "ADOPTED" } }));
    await expect.poll(finished(eventId), { timeout: 10_000 }).toBe("completed");
  });
});
