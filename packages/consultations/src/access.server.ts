import { z } from "zod";
import { guardFor, notFound, type ModuleContext, type ModuleRouteArgs } from "@commons/plugin-sdk/server";
import consultations from "../manifest.ts";
import { PERMISSIONS, respondentKey } from "./constants.ts";
import type { settings } from "./settings.ts";

/**
 * The one place that decides who may see and answer a consultation. Every page about one
 * consultation (answering, attachments, results, receipts) asks consultationForPerson and
 * answers 404 when it says null: a consultation one may not see looks like one that does
 * not exist.
 */

export type ConsultationsCtx = ModuleContext<typeof settings>;

/** What a loader or action is called with (the portal's load context satisfies RequestContext). */
export type ConsultationRouteArgs = ModuleRouteArgs;

/** The module's guard: signed in, a member of this coalition, the permission held (null: any member). */
export const guardConsultations = guardFor(consultations);

/**
 * For pages of one consultation that its audience reaches: any member of the coalition gets
 * in, and consultationForPerson decides. Stakeholders hold no consultations:take-part (they
 * have no Consultations menu) but those in a consultation's audience follow the emailed link
 * here; everyone outside the audience gets 404 from consultationForPerson.
 */
export function consultationGuard<T>(args: ConsultationRouteArgs, work: (ctx: ConsultationsCtx) => Promise<T>): Promise<T> {
  return guardConsultations(args, null, work);
}

/** An id from a URL or a form: a uuid, or the page does not exist (never a 500 from the database). */
export { requireId as requireUuid } from "@commons/plugin-sdk/server";

const SELECT = {
  id: true, title: true, purpose: true, background: true, status: true, mode: true, visibility: true,
  opensAt: true, deadline: true, openedAt: true, closedAt: true, statementPublishedAt: true, audienceKind: true,
} as const;

export interface PersonsConsultation {
  id: string;
  title: string;
  purpose: string;
  background: string;
  status: "DRAFT" | "SCHEDULED" | "OPEN" | "CLOSED";
  mode: "ORGANISATION" | "PERSON";
  visibility: "SECRETARIAT" | "PARTICIPANTS" | "ANONYMOUS";
  audienceKind: "ALL" | "FILTERED" | "PICKED";
  opensAt: Date | null;
  deadline: Date | null;
  openedAt: Date | null;
  closedAt: Date | null;
  statementPublishedAt: Date | null;
}

/** How a person who was asked stands: for whom they answer and what they may do. */
export interface RecipientStanding {
  /** "org:<organisationId>" (ORGANISATION mode) or "user:<userId>" (PERSON mode, stakeholders): the response's key. */
  respondentKey: string;
  /** The organisation answering, in ORGANISATION mode; null when the person answers for themselves. */
  organisation: { id: string; name: string } | null;
  /** The organisation answering (or the person's own, in PERSON mode) is still ACTIVE; a suspended one cannot answer. */
  active: boolean;
  /**
   * May submit (not only save drafts). ORGANISATION mode: the organisation's focal point;
   * when it has none, any of its people. PERSON mode and stakeholders: the person.
   */
  maySubmit: boolean;
  /** In ORGANISATION mode, whether the organisation has a focal point (who submits for it). */
  hasFocalPoint: boolean;
}

export interface ConsultationForPerson {
  consultation: PersonsConsultation;
  /** Holds consultations:manage: sees every consultation, drafts included. */
  manager: boolean;
  /** null when the person (or their organisation) is not in the audience. */
  recipient: RecipientStanding | null;
}

/** The key a person would answer under in this consultation, if any. */
function candidateKey(person: ConsultationsCtx["person"], mode: PersonsConsultation["mode"]): string | null {
  // Stakeholders answer for themselves, whatever the mode.
  if (person.role === "STAKEHOLDER" || mode === "PERSON") return respondentKey.person(person.id);
  return person.organisationId ? respondentKey.organisation(person.organisationId) : null;
}

/**
 * The consultation and the person's standing, or null (→ 404) when they may not see it:
 * drafts and scheduled ones are the managers' alone; an open or closed one is seen by the
 * managers and by its recipients (their organisation, or they themselves, is among the rows
 * fixed when it opened). At most three statements.
 */
export async function consultationForPerson(ctx: ConsultationsCtx, consultationId: string): Promise<ConsultationForPerson | null> {
  if (!z.uuid().safeParse(consultationId).success) return null;
  const consultation = await ctx.db.consultation.findFirst({ where: { id: consultationId }, select: SELECT });
  if (!consultation) return null;
  const manager = ctx.can(PERMISSIONS.manage);
  const visibleToAudience = consultation.status === "OPEN" || consultation.status === "CLOSED";
  if (!visibleToAudience) return manager ? { consultation, manager, recipient: null } : null;

  const key = candidateKey(ctx.person, consultation.mode);
  const row = key ? await ctx.db.consultationsRecipient.findFirst({ where: { consultationId, respondentKey: key }, select: { respondentKey: true, organisationId: true } }) : null;
  if (!row) return manager ? { consultation, manager, recipient: null } : null;

  const answersForOrganisation = row.respondentKey.startsWith("org:");
  // The person's own organisation: the answering one in ORGANISATION mode, and in PERSON mode
  // a member of a suspended organisation may not answer either. Stakeholders answer as themselves.
  const organisationId = answersForOrganisation ? row.organisationId : ctx.person.role === "STAKEHOLDER" ? null : ctx.person.organisationId;
  const organisation = organisationId
    ? await ctx.db.organisation.findFirst({
        where: { id: organisationId },
        select: { id: true, name: true, status: true, memberships: { where: { role: "FOCAL_POINT" }, select: { userId: true }, take: 1 } },
      })
    : null;
  const active = organisationId ? organisation?.status === "ACTIVE" : true;
  const hasFocalPoint = answersForOrganisation && !!organisation?.memberships.length;
  const maySubmit = !answersForOrganisation || !hasFocalPoint || ctx.person.role === "FOCAL_POINT";
  return {
    consultation,
    manager,
    recipient: {
      respondentKey: row.respondentKey,
      organisation: answersForOrganisation && organisation ? { id: organisation.id, name: organisation.name } : null,
      active,
      maySubmit,
      hasFocalPoint,
    },
  };
}

/** consultationForPerson, or 404. */
export async function requireConsultationForPerson(ctx: ConsultationsCtx, consultationId: string | undefined): Promise<ConsultationForPerson> {
  const found = consultationId ? await consultationForPerson(ctx, consultationId) : null;
  if (!found) throw notFound();
  return found;
}

/**
 * Whether the consultation takes answers at `now`: open, started, deadline not passed. A
 * consultation past its deadline refuses answers even before the closing job has run.
 */
export function takesAnswers(consultation: Pick<PersonsConsultation, "status" | "opensAt" | "deadline">, now: Date = new Date()): boolean {
  if (consultation.status !== "OPEN") return false;
  if (consultation.opensAt && consultation.opensAt > now) return false;
  return !consultation.deadline || consultation.deadline > now;
}
