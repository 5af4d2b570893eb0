import { randomUUID } from "node:crypto";
import { redirect } from "@remix-run/node";
import { EVENTS, PERMISSIONS } from "../../src/constants.ts";
import { findConsultation, guard, requireId, type RouteArgs } from "../../src/follow/access.server.ts";
import { progressSummary } from "../../src/follow/progress.server.ts";
import { ISSUED } from "../../src/follow/tick.server.ts";

/** A second manual reminder within this time is refused: a double click emails nobody twice. */
const MANUAL_REMINDER_GAP_MS = 15 * 60_000;

/** Nothing to show: the button lives on the follow page. */
export async function loader(args: RouteArgs) {
  const consultationId = requireId(args.params.consultationId);
  return guard(args, PERMISSIONS.manage, async ({ tenant }) => redirect(`/c/${tenant.slug}/consultations/${consultationId}/follow`));
}

/**
 * "Remind those who have not submitted": records consultations.reminder_due with a new
 * manual key, whose subscriber emails each non-responder once. The officer is told how many
 * organisations or people that is. The consultation's row is locked while a recent manual
 * reminder is looked for, so two clicks at once (or two officers) send one reminder.
 */
export async function action(args: RouteArgs) {
  const consultationId = requireId(args.params.consultationId);
  return guard(args, PERMISSIONS.manage, async ({ db, tenant, emit }) => {
    await db.$executeRaw`SELECT 1 FROM (SELECT id FROM consultations WHERE tenant_id = ${tenant.id}::uuid AND id = ${consultationId}::uuid FOR UPDATE) AS locked`;
    const consultation = await findConsultation(db, consultationId);
    const follow = `/c/${tenant.slug}/consultations/${consultationId}/follow`;
    if (consultation.status !== "OPEN") return redirect(`${follow}?notice=notOpen`);
    const count = (await progressSummary(db, tenant.id, consultationId, { region: "", sector: "", state: "" })).remindable;
    if (count <= 0) return redirect(`${follow}?notice=nobody`);
    const now = new Date();
    const recent = await db.consultationsReminder.findFirst({
      where: { consultationId, respondentKey: ISSUED, reminderKey: { startsWith: "manual:" }, sentAt: { gt: new Date(now.getTime() - MANUAL_REMINDER_GAP_MS) } },
      select: { id: true },
    });
    if (recent) return redirect(`${follow}?notice=recent`);
    const reminderKey = `manual:${randomUUID()}`;
    await db.consultationsReminder.create({ data: { tenantId: tenant.id, consultationId, reminderKey, respondentKey: ISSUED, sentAt: now }, select: { id: true } });
    await emit(EVENTS.reminderDue, { consultationId, reminderKey });
    return redirect(`${follow}?notice=reminded&count=${count}`);
  });
}
