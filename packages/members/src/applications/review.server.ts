import { INVITATION_LIFETIME_MS } from "@commons/auth";
import { recordEvent } from "@commons/jobs";
import { EVENTS } from "../constants.ts";
import type { MembersT } from "../i18n.ts";
import { forgetFacetCounts } from "../directory/facet-cache.server.ts";
import { isUniqueViolation, recordApplicationActivity, sameName, type Ctx } from "./access.server.ts";

/** The statuses the secretariat can still decide from. */
export const OPEN_STATUSES = ["SUBMITTED", "INFO_REQUESTED"] as const;

/**
 * A refusal found part-way through a decision. Thrown, not returned, so that withModule's
 * transaction rolls back whatever the decision had written: nothing is half-done.
 */
export class DecisionRefused extends Error {
  constructor(
    readonly field: string | null,
    message: string,
  ) {
    super(message);
  }
}

type Decided = { id: string; status: string };

/**
 * Moves an open application to `status`, in this transaction. Row-locked by the update: a
 * second reviewer deciding at the same moment waits, then finds it decided and is refused.
 */
async function claim(ctx: Ctx, t: MembersT, id: string, data: { status: "APPROVED" | "REJECTED" | "INFO_REQUESTED"; [field: string]: unknown }) {
  const claimed = await ctx.db.membersApplication.updateMany({ where: { id, status: { in: [...OPEN_STATUSES] } }, data });
  if (claimed.count === 1) return;
  const current = await ctx.db.membersApplication.findFirst({ where: { id }, select: { status: true } });
  const status = t(`members.applications.status.${(current?.status ?? "APPROVED") as "APPROVED"}`).toLowerCase();
  throw new DecisionRefused(null, t("members.applications.error.decided", { status }));
}

/**
 * Approval, all in the caller's transaction: the organisation (active), its first status
 * change, the contact invited as focal point (the worker emails the invitation), the core
 * event organisation.admitted, the application marked approved, the activity record.
 */
export async function approve(ctx: Ctx, t: MembersT, application: Decided) {
  const { db, tenant, person } = ctx;
  const now = new Date();
  await claim(ctx, t, application.id, { status: "APPROVED", reviewedById: person.id, reviewedAt: now, responseTokenHash: null });
  const row = await db.membersApplication.findFirstOrThrow({ where: { id: application.id } });
  const taken = await db.organisation.findFirst({ where: { name: sameName(row.organisationName) }, select: { name: true } });
  if (taken) throw new DecisionRefused(null, t("members.applications.error.nameTaken", { name: taken.name }));
  let organisation: { id: string };
  try {
    organisation = await db.organisation.create({
      data: {
        tenantId: tenant.id,
        name: row.organisationName,
        acronym: row.acronym,
        type: row.type,
        region: row.region,
        province: row.province,
        sectors: row.sectors,
        website: row.website,
        description: row.description,
        status: "ACTIVE",
        statusChangedAt: now,
      },
      select: { id: true },
    });
  } catch (error) {
    // The name was taken between the check and the insert: the transaction is spent either way.
    if (isUniqueViolation(error)) throw new DecisionRefused(null, t("members.applications.error.nameTaken", { name: row.organisationName }));
    throw error;
  }
  await db.membersStatusChange.create({
    data: { tenantId: tenant.id, organisationId: organisation.id, fromStatus: "APPLIED", toStatus: "ACTIVE", reason: t("members.applications.statusChange.approved"), changedById: person.id },
  });
  const invitation = await db.invitation.create({
    data: { tenantId: tenant.id, email: row.contactEmail, role: "FOCAL_POINT", organisationId: organisation.id, invitedById: person.id, expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS) },
    select: { id: true },
  });
  await db.membersApplication.update({ where: { id: row.id }, data: { organisationId: organisation.id } });
  await recordEvent(db, { type: "invitation.created", tenantId: tenant.id, payload: { invitationId: invitation.id } });
  await ctx.emit(EVENTS.organisationAdmitted, { organisationId: organisation.id });
  // A new member organisation: the directory's counts change.
  forgetFacetCounts(tenant.id);
  await ctx.emit(EVENTS.applicationApproved, { applicationId: row.id });
  await recordApplicationActivity(db, tenant.id, person.id, "approved", row.id, { organisation: row.organisationName, organisationId: organisation.id, invitationId: invitation.id });
  return { name: row.organisationName, email: row.contactEmail, organisationId: organisation.id };
}

export async function reject(ctx: Ctx, t: MembersT, application: Decided, reason: string) {
  await claim(ctx, t, application.id, { status: "REJECTED", decisionReason: reason, reviewedById: ctx.person.id, reviewedAt: new Date(), responseTokenHash: null });
  await ctx.emit(EVENTS.applicationRejected, { applicationId: application.id });
  await recordApplicationActivity(ctx.db, ctx.tenant.id, ctx.person.id, "rejected", application.id, { reason });
}

/**
 * Asks the applicant a question. The link to answer it is made when the email goes out
 * (the subscriber stores its hash): the outbox never holds a usable token.
 */
export async function requestInfo(ctx: Ctx, t: MembersT, application: Decided, question: string) {
  await claim(ctx, t, application.id, { status: "INFO_REQUESTED", infoRequest: question, infoResponse: "", responseTokenHash: null });
  await ctx.emit(EVENTS.applicationInfoRequested, { applicationId: application.id });
  await recordApplicationActivity(ctx.db, ctx.tenant.id, ctx.person.id, "info_requested", application.id, { question });
}
