import type { JobContext } from "@commons/plugin-sdk/server";
// Types only: server.ts imports this file, and the manifest imports server.ts.
import type { settings as Settings } from "../manifest.ts";
import { EVENTS } from "./constants.ts";

const DAY = 86_400_000;

/** A DATE column's value (midnight UTC) as YYYY-MM-DD. */
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The due-soon job, once a day per coalition: every deliverable that is not done, of an open
 * taskforce, due between the run's day and `reminderDaysBefore` days later, gets one
 * `taskforce.deliverable_due_soon` event per due date. `dueReminderSentFor` records the date
 * reminded, so a second run (or a retry) finds nothing new, and moving the due date re-arms
 * the reminder. The job sends no mail; the event's subscriber does.
 */
export async function remindDueSoon({ db, settings, scheduledAt, emit, log }: JobContext<typeof Settings>): Promise<void> {
  const days = settings.reminderDaysBefore;
  if (days <= 0) return;
  // Days are counted in UTC, as the schedule is; the columns hold calendar dates.
  const today = new Date(Date.UTC(scheduledAt.getUTCFullYear(), scheduledAt.getUTCMonth(), scheduledAt.getUTCDate()));
  const until = new Date(today.getTime() + days * DAY);
  const due = await db.taskforceDeliverable.findMany({
    where: { status: { not: "DONE" }, dueDate: { gte: today, lte: until }, taskforce: { status: "OPEN" } },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    select: { id: true, dueDate: true, dueReminderSentFor: true },
  });
  let reminded = 0;
  for (const deliverable of due) {
    const previous = deliverable.dueReminderSentFor;
    if (previous && previous.getTime() === deliverable.dueDate.getTime()) continue;
    // Only if nobody changed the row meanwhile: a concurrent run waits for this one's lock,
    // then finds the date already recorded and emits nothing.
    const claimed = await db.taskforceDeliverable.updateMany({
      where: { id: deliverable.id, dueDate: deliverable.dueDate, dueReminderSentFor: previous },
      data: { dueReminderSentFor: deliverable.dueDate },
    });
    if (claimed.count === 0) continue;
    await emit(EVENTS.deliverableDueSoon, {
      deliverableId: deliverable.id,
      dueDate: isoDay(deliverable.dueDate),
      days: Math.round((deliverable.dueDate.getTime() - today.getTime()) / DAY),
    });
    reminded++;
  }
  log.info("taskforce: due-soon reminders recorded", { deliverables: reminded });
}
