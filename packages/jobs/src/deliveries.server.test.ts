import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownerClient } from "@commons/db/admin";
import { useTestDatabase } from "@commons/db/test-database";
import { createMailTransport, isPermanentSmtpError, sendMail, verificationEmail, type MailTransport } from "@commons/email";
import { startMailbox, type Mailbox } from "@commons/email/mailbox";
import { deliverOnce, deliveryMessageId } from "./deliveries.server.ts";

useTestDatabase();
let mailbox: Mailbox;
let transport: MailTransport;

beforeAll(async () => {
  mailbox = await startMailbox({ rejectRecipients: (a) => a.endsWith("@bounce.test") });
  transport = createMailTransport(mailbox.url);
});

afterAll(async () => {
  transport?.close();
  await mailbox?.close();
});

const emailTo = (recipient: string) => (messageId: string) =>
  sendMail(transport, { to: recipient, messageId, ...verificationEmail({ name: "Ada", url: "http://localhost:3000/verify-email/x" }) }).then(
    () => undefined,
  );

describe("deliverOnce", () => {
  it("sends one email when the same job runs twice", async () => {
    const key = { eventId: randomUUID(), recipient: "ada@example.org", channel: "email" };
    expect(await deliverOnce(ownerClient(), key, emailTo(key.recipient))).toBe("sent");
    expect(await deliverOnce(ownerClient(), key, emailTo(key.recipient))).toBe("skipped");
    const received = mailbox.messages().filter((m) => m.messageId === deliveryMessageId(key));
    expect(received).toHaveLength(1);
    const row = await ownerClient().delivery.findUniqueOrThrow({ where: { eventId_recipient_channel: key } });
    expect(row).toMatchObject({ status: "sent", messageId: deliveryMessageId(key), error: null });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("sends one email when the same job runs concurrently", async () => {
    const key = { eventId: randomUUID(), recipient: "bob@example.org", channel: "email" };
    const results = await Promise.all(Array.from({ length: 6 }, () => deliverOnce(ownerClient(), key, emailTo(key.recipient))));
    expect(results.filter((r) => r === "sent")).toHaveLength(1);
    expect(results.filter((r) => r === "skipped")).toHaveLength(5);
    await new Promise((r) => setTimeout(r, 100));
    expect(mailbox.messages().filter((m) => m.messageId === deliveryMessageId(key))).toHaveLength(1);
  });

  it("gives each recipient and channel its own delivery and a deterministic Message-ID", () => {
    const eventId = "7b0c2a7e-4c1d-4b7e-9f57-2d3a1f0c9e11";
    const a = deliveryMessageId({ eventId, recipient: "a@example.org", channel: "email" });
    expect(a).toMatch(new RegExp(`^<${eventId}\\.email\\.[0-9a-f]{16}@commons>$`));
    expect(deliveryMessageId({ eventId, recipient: "a@example.org", channel: "email" })).toBe(a);
    expect(deliveryMessageId({ eventId, recipient: "b@example.org", channel: "email" })).not.toBe(a);
  });

  it("records a permanent failure and lets a later run send after a temporary one", async () => {
    const bounced = { eventId: randomUUID(), recipient: "gone@bounce.test", channel: "email" };
    await expect(deliverOnce(ownerClient(), bounced, emailTo(bounced.recipient), { isPermanent: isPermanentSmtpError })).rejects.toThrow();
    expect(await ownerClient().delivery.findUniqueOrThrow({ where: { eventId_recipient_channel: bounced } })).toMatchObject({
      status: "failed",
      error: expect.stringContaining("rejected"),
    });

    const key = { eventId: randomUUID(), recipient: "carol@example.org", channel: "email" };
    const outage = async () => {
      throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    };
    await expect(deliverOnce(ownerClient(), key, outage, { isPermanent: isPermanentSmtpError })).rejects.toThrow("ECONNREFUSED");
    expect(await ownerClient().delivery.findUniqueOrThrow({ where: { eventId_recipient_channel: key } })).toMatchObject({ status: "pending" });
    expect(await deliverOnce(ownerClient(), key, emailTo(key.recipient))).toBe("sent");
  });
});
