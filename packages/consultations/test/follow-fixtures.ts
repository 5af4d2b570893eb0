import type { PluginHarness } from "@commons/plugin-sdk/testing";
import type { Answer } from "../src/questions/kinds.ts";
import { respondentKey } from "../src/constants.ts";
import { keyOwner, writeQuestions, writeRecipients, type QuestionRow } from "./helpers.ts";

/** Arranging the follow area's tests: consultations, recipients and responses written as the drafting and answering pages would. */

type Harness = Pick<PluginHarness, "db" | "tenant">;

export type QuestionPlan = QuestionRow;

export interface ConsultationPlan {
  title?: string;
  status?: "DRAFT" | "SCHEDULED" | "OPEN" | "CLOSED";
  mode?: "ORGANISATION" | "PERSON";
  visibility?: "SECRETARIAT" | "PARTICIPANTS" | "ANONYMOUS";
  opensAt?: Date | null;
  openedAt?: Date | null;
  deadline?: Date | null;
  closedAt?: Date | null;
  reminderHours?: number[];
  createdById: string;
  questions?: QuestionPlan[];
  /** Recipient keys ("org:<id>" or "user:<id>"). */
  recipients?: string[];
}

export async function organisationIdOf(h: Harness, name: string): Promise<string> {
  return (await h.db((db) => db.organisation.findFirstOrThrow({ where: { name }, select: { id: true } }))).id;
}

export const orgKey = respondentKey.organisation;
export const userKey = respondentKey.person;

/** A consultation with its questions and recipients; returns its id and its questions' ids in order. */
export async function createConsultation(h: Harness, plan: ConsultationPlan): Promise<{ id: string; questionIds: string[] }> {
  return h.db(async (db) => {
    const c = await db.consultation.create({
      data: {
        tenantId: h.tenant.id,
        title: plan.title ?? "Position on the mining fiscal regime",
        status: plan.status ?? "OPEN",
        mode: plan.mode ?? "ORGANISATION",
        visibility: plan.visibility ?? "SECRETARIAT",
        opensAt: plan.opensAt ?? null,
        openedAt: plan.openedAt ?? null,
        deadline: plan.deadline ?? null,
        closedAt: plan.closedAt ?? null,
        reminderHours: plan.reminderHours ?? [72, 24],
        createdById: plan.createdById,
      },
      select: { id: true, tenantId: true },
    });
    const questionIds = await writeQuestions(db, c.tenantId, c.id, plan.questions ?? []);
    await writeRecipients(db, c.tenantId, c.id, plan.recipients ?? []);
    return { id: c.id, questionIds };
  });
}

/** One respondent's response, as the answer page would save (DRAFT) or submit it. */
export async function respond(
  h: Harness,
  consultationId: string,
  key: string,
  by: string,
  status: "DRAFT" | "SUBMITTED",
  answers: Record<string, Answer> = {},
  at = new Date(),
): Promise<string> {
  return h.db(async (db) => {
    const tenantId = h.tenant.id;
    const r = await db.consultationsResponse.create({
      data: {
        tenantId,
        consultationId,
        respondentKey: key,
        ...keyOwner(key),
        status,
        answers,
        updatedById: by,
        submittedById: status === "SUBMITTED" ? by : null,
        submittedAt: status === "SUBMITTED" ? at : null,
        updatedAt: at,
      },
      select: { id: true },
    });
    return r.id;
  });
}
