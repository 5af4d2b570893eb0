import type { JobContext } from "@commons/plugin-sdk/server";
import { openConsultation } from "../audience.server.ts";
import { EVENTS } from "../constants.ts";
import { storeResultsSnapshot } from "./results.server.ts";
// Types only: server.ts imports this file, and the manifest imports server.ts.
import type { settings } from "../settings.ts";

const HOUR = 3_600_000;

/** A reminder the job issues for a number of hours before the deadline ("auto:72"). */
export const autoReminderKey = (hours: number) => `auto:${hours}`;

/**
 * Marks a reminder as issued for the whole consultation (the rows of the people reminded
 * carry their respondent key). The job claims this row before it emits, so a second run,
 * a retry or two overlapping runs emit each reminder once.
 */
export const ISSUED = "*";

type Ctx = JobContext<typeof settings>;

/**
 * The consultations job, every ten minutes per coalition, with `scheduledAt` as "now":
 * opens scheduled consultations whose start has come, issues the automatic reminders that
 * have come due, and closes open consultations past their deadline. It sends no mail: the
 * events it records are handled by subscribers.
 */
export async function tick(ctx: Ctx): Promise<void> {
  const opened = await openScheduled(ctx);
  const reminders = await issueDueReminders(ctx);
  const closed = await closePastDeadline(ctx);
  if (opened + reminders + closed) ctx.log.info("consultations: tick", { opened, reminders, closed });
}

/**
 * Scheduled consultations whose start has passed are opened as the open page would: the
 * recipients are fixed and consultation.opened is recorded (its subscriber emails them).
 * One that can no longer open (its audience emptied meanwhile) stays scheduled and is logged.
 */
async function openScheduled({ db, tenantId, scheduledAt, emit, log }: Ctx): Promise<number> {
  const due = await db.consultation.findMany({ where: { status: "SCHEDULED", opensAt: { lte: scheduledAt } }, select: { id: true } });
  let opened = 0;
  for (const { id } of due) {
    const outcome = await openConsultation({ db, tenantId, emit }, id, scheduledAt);
    if ("problems" in outcome) log.warn("consultations: a scheduled consultation cannot open", { consultationId: id, problems: outcome.problems });
    else if (outcome.opened === "OPEN") opened++;
  }
  return opened;
}

/**
 * Each reminder hour of an open consultation whose time (deadline − hours) has come, and
 * came after the consultation opened (a reminder due before anyone was asked is skipped),
 * is issued once: `consultations.reminder_due` with key "auto:<hours>".
 */
async function issueDueReminders({ db, tenantId, scheduledAt, emit }: Ctx): Promise<number> {
  const now = scheduledAt.getTime();
  const open = await db.consultation.findMany({
    where: { status: "OPEN", deadline: { gt: scheduledAt } },
    select: { id: true, deadline: true, openedAt: true, reminderHours: true },
  });
  const due: { consultationId: string; reminderKey: string }[] = [];
  for (const c of open) {
    const deadline = c.deadline!.getTime();
    const openedAt = c.openedAt?.getTime() ?? 0;
    for (const hours of new Set(c.reminderHours)) {
      const at = deadline - hours * HOUR;
      if (hours > 0 && at <= now && at >= openedAt) due.push({ consultationId: c.id, reminderKey: autoReminderKey(hours) });
    }
  }
  if (!due.length) return 0;
  // One statement claims them all; only those this run claimed are emitted.
  const claimed = await db.consultationsReminder.createManyAndReturn({
    data: due.map((d) => ({ tenantId, consultationId: d.consultationId, reminderKey: d.reminderKey, respondentKey: ISSUED, sentAt: scheduledAt })),
    skipDuplicates: true,
    select: { consultationId: true, reminderKey: true },
  });
  for (const reminder of claimed) await emit(EVENTS.reminderDue, { consultationId: reminder.consultationId, reminderKey: reminder.reminderKey });
  return claimed.length;
}

/**
 * Open consultations past their deadline close; late answers are refused from then on, so
 * their results are aggregated once, here, and kept (storeResultsSnapshot).
 */
async function closePastDeadline({ db, tenantId, scheduledAt }: Ctx): Promise<number> {
  const closed = await db.consultation.updateManyAndReturn({ where: { status: "OPEN", deadline: { lte: scheduledAt } }, data: { status: "CLOSED", closedAt: scheduledAt }, select: { id: true } });
  for (const { id } of closed) await storeResultsSnapshot(db, tenantId, id);
  return closed.length;
}
