import { z } from "zod";
import { markdownToText } from "@commons/markdown";
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
 * people asked themselves are emailed too. Only those whose organisation (or who themselves)
 * submitted are invited to say whether they feel heard; the others get the statement alone.
 * The statement is Markdown: the email carries it as plain text.
 */
export async function emailStatement(event: { payload: unknown }, { db, email, moduleUrl }: SubscriberContext<typeof settings>): Promise<void> {
  const { consultationId } = closed.parse(event.payload);
  const consultation = await db.consultation.findUnique({
    where: { id: consultationId },
    select: {
      title: true,
      statement: true,
      commitments: true,
      statementPublishedAt: true,
      recipients: { select: { respondentKey: true } },
      responses: { where: { status: "SUBMITTED" }, select: { respondentKey: true } },
    },
  });
  if (!consultation?.statementPublishedAt) return;
  const submitted = new Set(consultation.responses.map((r) => r.respondentKey));
  const keys = consultation.recipients.map((r) => r.respondentKey);
  const heard = new Set(await peopleToEmail(db, keys.filter((k) => submitted.has(k)), "everyone"));
  const others = (await peopleToEmail(db, keys.filter((k) => !submitted.has(k)), "everyone")).filter((id) => !heard.has(id));
  const text = markdownToText(consultation.statement).trim();
  const statement = text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text;
  const list = parseCommitments(consultation.commitments)
    .commitments.map((c) => `- ${c.text}${c.url ? ` (${c.url})` : ""}`)
    .join("\n");
  const data = { title: consultation.title, statement, commitments: list, url: moduleUrl(`${consultationId}/results`) };
  // Email data are strings and numbers: 1 invites the reader to say whether they feel heard.
  for (const userId of heard) await email(userId, EMAIL_STATEMENT, { ...data, feltHeard: 1 });
  for (const userId of others) await email(userId, EMAIL_STATEMENT, { ...data, feltHeard: 0 });
}
