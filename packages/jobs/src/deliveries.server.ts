import { createHash, randomUUID } from "node:crypto";
import type { OwnerClient } from "./relay.server.ts";

export interface DeliveryKey {
  eventId: string;
  recipient: string;
  channel: string;
}

export interface DeliverOptions {
  /** A failure that will never succeed: the row is marked 'failed' instead of left pending. */
  isPermanent?: (error: unknown) => boolean;
}

/** Same event, recipient and channel → same Message-ID, so even a resend is recognisable. */
export function deliveryMessageId({ eventId, recipient, channel }: DeliveryKey): string {
  const hash = createHash("sha256").update(recipient.toLowerCase()).digest("hex").slice(0, 16);
  return `<${eventId}.${channel}.${hash}@commons>`;
}

/**
 * Sends at most once per (event, recipient, channel), however often the job runs: BullMQ
 * is at-least-once, and a job removed after completion no longer blocks a duplicate.
 * The row lock is held while sending, so a second run of the same job (a stalled job
 * picked up again while the first still works) waits and then finds 'sent'.
 */
export async function deliverOnce(
  ownerClient: OwnerClient,
  key: DeliveryKey,
  send: (messageId: string) => Promise<void>,
  options: DeliverOptions = {},
): Promise<"sent" | "skipped"> {
  const { eventId, recipient, channel } = key;
  const messageId = deliveryMessageId(key);
  await ownerClient.$executeRaw`
    INSERT INTO deliveries (id, event_id, recipient, channel, message_id, status)
    VALUES (${randomUUID()}::uuid, ${eventId}, ${recipient}, ${channel}, ${messageId}, 'pending')
    ON CONFLICT (event_id, recipient, channel) DO NOTHING`;

  const outcome = await ownerClient.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<{ id: string; status: string }[]>`
        SELECT id::text AS id, status FROM deliveries
        WHERE event_id = ${eventId} AND recipient = ${recipient} AND channel = ${channel}
        FOR UPDATE`;
      if (!row) throw new Error(`Delivery row for ${eventId}/${channel} vanished.`);
      if (row.status === "sent") return { result: "skipped" as const };
      try {
        await send(messageId);
      } catch (error) {
        // Recorded, then rethrown after commit, so the reason survives the job's retries.
        const status = options.isPermanent?.(error) ? "failed" : "pending";
        const message = error instanceof Error ? error.message : String(error);
        await tx.$executeRaw`UPDATE deliveries SET status = ${status}, error = ${message.slice(0, 2000)} WHERE id = ${row.id}::uuid`;
        return { error };
      }
      await tx.$executeRaw`UPDATE deliveries SET status = 'sent', sent_at = now(), error = NULL WHERE id = ${row.id}::uuid`;
      return { result: "sent" as const };
    },
    // The transaction spans one SMTP conversation (connection, greeting and socket
    // timeouts of 10 s, 10 s, 30 s); waiting for a pooled connection is normal under load.
    { timeout: 180_000, maxWait: 60_000 },
  );
  if ("error" in outcome) throw outcome.error;
  return outcome.result;
}
