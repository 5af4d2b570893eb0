import { safeZone } from "@commons/i18n";
import { z } from "zod";
import type { SubscriberContext } from "@commons/plugin-sdk/server";
import type { settings } from "../settings.ts";
import { peopleToEmail } from "./audience.server.ts";
import { ISSUED } from "./tick.server.ts";

export const EMAIL_REMINDER = "follow-reminder";

const reminderDue = z.object({ consultationId: z.uuid(), reminderKey: z.string().regex(/^(auto:\d{1,4}|manual:[0-9a-f-]{36})$/) });

/**
 * A reminder has come due (from the job or the button): every recipient who has not
 * submitted and can still answer (an organisation that is active; a person still in the
 * coalition, whose organisation is active unless they are a stakeholder) gets a row in consultations_reminders (consultation, reminder, respondent) and
 * is emailed only if that row is new. One statement records them all; a second delivery of
 * the event, a second event for the same reminder or a retry finds the rows and emails nobody.
 */
export async function remindNonResponders(event: { payload: unknown }, { db, tenantId, email, moduleUrl, log, settings: coalition }: SubscriberContext<typeof settings>): Promise<void> {
  const { consultationId, reminderKey } = reminderDue.parse(event.payload);
  const consultation = await db.consultation.findUnique({ where: { id: consultationId }, select: { title: true, status: true, deadline: true } });
  // Closed (or never opened) meanwhile: nobody can answer any more, so nobody is reminded.
  if (!consultation || consultation.status !== "OPEN" || !consultation.deadline) return;
  // Raw SQL for ON CONFLICT … RETURNING, which tells the new rows from those already there.
  // The statement names the tenant itself and runs in the coalition's transaction (RLS holds).
  const fresh = await db.$queryRaw<{ respondent_key: string }[]>`
    INSERT INTO consultations_reminders (id, tenant_id, consultation_id, respondent_key, reminder_key)
    SELECT gen_random_uuid(), r.tenant_id, r.consultation_id, r.respondent_key, ${reminderKey}
    FROM consultations_recipients r
    WHERE r.tenant_id = ${tenantId}::uuid AND r.consultation_id = ${consultationId}::uuid
      AND r.respondent_key <> ${ISSUED}
      -- The same rule as progressSummary's "reachable": those who could answer.
      AND CASE WHEN r.respondent_key LIKE 'org:%'
            THEN EXISTS (SELECT 1 FROM organisations o WHERE o.tenant_id = r.tenant_id AND o.id = r.organisation_id AND o.status = 'ACTIVE')
            ELSE EXISTS (
              SELECT 1 FROM memberships m
              LEFT JOIN organisations mo ON mo.tenant_id = m.tenant_id AND mo.id = m.organisation_id
              WHERE m.tenant_id = r.tenant_id AND m.user_id = r.user_id
                AND (m.role = 'STAKEHOLDER' OR m.organisation_id IS NULL OR mo.status = 'ACTIVE'))
          END
      AND NOT EXISTS (
        SELECT 1 FROM consultations_responses s
        WHERE s.tenant_id = r.tenant_id AND s.consultation_id = r.consultation_id
          AND s.respondent_key = r.respondent_key AND s.status = 'SUBMITTED')
    ON CONFLICT (tenant_id, consultation_id, reminder_key, respondent_key) DO NOTHING
    RETURNING respondent_key`;
  if (!fresh.length) return;
  const people = await peopleToEmail(db, fresh.map((r) => r.respondent_key), "focal");
  const data = { title: consultation.title, deadline: consultation.deadline.toISOString(), zone: safeZone(coalition.timezone), url: moduleUrl(consultationId) };
  for (const userId of people) await email(userId, EMAIL_REMINDER, data);
  log.info("consultations: reminder sent", { consultationId, reminderKey, respondents: fresh.length, people: people.length });
}
