import { z } from "zod";
import type { SubscriberContext } from "@commons/plugin-sdk/server";
import type { settings } from "../settings.ts";
import { peopleToEmail } from "./audience.server.ts";
import { parseCommitments } from "./commitments.ts";

export const EMAIL_STATEMENT = "follow-statement";

/** Long statements are linked, not pasted whole: the email carries the opening. */
const EXCERPT = 3_000;

const closed = z.object({ consultationId: z.uuid() });

/**
 * consultation.closed (recorded when the statement is published): everyone who was asked
 * hears what the secretariat heard and will do. Every person of each recipient organisation
 * is emailed, not only its focal point, since the statement answers the whole organisation;
 * people asked themselves are emailed too.
 */
export async function emailStatement(event: { payload: unknown }, { db, email, moduleUrl }: SubscriberContext<typeof settings>): Promise<void> {
  const { consultationId } = closed.parse(event.payload);
  const consultation = await db.consultation.findUnique({
    where: { id: consultationId },
    select: { title: true, statement: true, commitments: true, statementPublishedAt: true, recipients: { select: { respondentKey: true } } },
  });
  if (!consultation?.statementPublishedAt) return;
  const people = await peopleToEmail(db, consultation.recipients.map((r) => r.respondentKey), "everyone");
  const statement = consultation.statement.length > EXCERPT ? `${consultation.statement.slice(0, EXCERPT)}…` : consultation.statement;
  const list = parseCommitments(consultation.commitments)
    .commitments.map((c) => `- ${c.text}${c.url ? ` (${c.url})` : ""}`)
    .join("\n");
  const data = { title: consultation.title, statement, commitments: list, url: moduleUrl(`${consultationId}/results`) };
  for (const userId of people) await email(userId, EMAIL_STATEMENT, data);
}
