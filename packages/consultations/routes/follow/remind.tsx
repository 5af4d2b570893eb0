import { randomUUID } from "node:crypto";
import { redirect } from "@remix-run/node";
import { EVENTS, PERMISSIONS } from "../../src/constants.ts";
import { findConsultation, guard, requireId, type RouteArgs } from "../../src/follow/access.server.ts";

/** Nothing to show: the button lives on the follow page. */
export async function loader(args: RouteArgs) {
  const consultationId = requireId(args.params.consultationId);
  return guard(args, PERMISSIONS.manage, async ({ tenant }) => redirect(`/c/${tenant.slug}/consultations/${consultationId}/follow`));
}

/**
 * "Remind those who have not submitted": records consultations.reminder_due with a new
 * manual key, whose subscriber emails each non-responder once. The officer is told how many
 * organisations or people that is.
 */
export async function action(args: RouteArgs) {
  const consultationId = requireId(args.params.consultationId);
  return guard(args, PERMISSIONS.manage, async ({ db, tenant, emit }) => {
    const consultation = await findConsultation(db, consultationId);
    const follow = `/c/${tenant.slug}/consultations/${consultationId}/follow`;
    if (consultation.status !== "OPEN") return redirect(`${follow}?notice=notOpen`);
    const [recipients, submitted] = await Promise.all([
      db.consultationsRecipient.count({ where: { consultationId } }),
      db.consultationsResponse.count({ where: { consultationId, status: "SUBMITTED" } }),
    ]);
    const count = recipients - submitted;
    if (count <= 0) return redirect(`${follow}?notice=nobody`);
    await emit(EVENTS.reminderDue, { consultationId, reminderKey: `manual:${randomUUID()}` });
    return redirect(`${follow}?notice=reminded&count=${count}`);
  });
}
