import { z } from "zod";
import type { ModuleServer } from "@commons/plugin-sdk/server";
// Type only: manifest.ts imports this file lazily, and the boundary check (no-cycles) counts
// that lazy import, so a value import back would be a cycle. test/taskforce.test.ts runs
// defineModuleServer(manifest, server) instead.
import type { settings } from "./manifest.ts";
import { DELIVERABLE_STATUSES, EMAILS, EVENTS, JOBS } from "./src/constants.ts";
import { remindDueSoon } from "./src/due-soon.server.ts";
import { peopleHolding } from "./src/raci.server.ts";
import { seedDemo } from "./src/seed.server.ts";

const statusChanged = z.object({ deliverableId: z.uuid(), status: z.enum(DELIVERABLE_STATUSES) });
const published = z.object({ deliverableId: z.uuid(), taskforceId: z.uuid(), audience: z.enum(["coalition", "taskforce"]) });
const dueSoon = z.object({ deliverableId: z.uuid(), dueDate: z.iso.date(), days: z.number().int().min(0) });

/** Long outputs are linked, not pasted: the email carries the opening. */
const EXCERPT = 1_500;

/**
 * The worker's side of the taskforce plugin: people Informed on a deliverable (themselves or
 * through their organisation) hear of its changes; members who opted in hear of published
 * outputs; those Responsible and Accountable are reminded of a deliverable due soon. Every
 * email is a template rendered in the recipient's language.
 */
const server: ModuleServer<typeof settings> = {
  subscribers: {
    [EVENTS.deliverablePublished]: async (event, { db, email, moduleUrl }) => {
      const { deliverableId, taskforceId, audience } = published.parse(event.payload);
      const deliverable = await db.taskforceDeliverable.findUnique({
        where: { id: deliverableId },
        select: { title: true, output: true, taskforce: { select: { name: true } } },
      });
      if (!deliverable?.output) return;
      const subscribers = await db.taskforcePublicationSubscriber.findMany({ select: { userId: true } });
      // An output published to the taskforce only reaches the subscribers who are in it.
      const allowed =
        audience === "coalition"
          ? null
          : new Set((await db.taskforceMember.findMany({ where: { taskforceId }, select: { userId: true } })).map((m) => m.userId));
      const output = deliverable.output.length > EXCERPT ? `${deliverable.output.slice(0, EXCERPT)}…` : deliverable.output;
      const data = { taskforce: deliverable.taskforce.name, title: deliverable.title, output, url: moduleUrl(`deliverables/${deliverableId}`) };
      for (const { userId } of subscribers) {
        if (allowed && !allowed.has(userId)) continue;
        await email(userId, EMAILS.published, data);
      }
    },
    [EVENTS.deliverableStatusChanged]: async (event, { db, email, moduleUrl }) => {
      const { deliverableId, status } = statusChanged.parse(event.payload);
      const deliverable = await db.taskforceDeliverable.findUnique({
        where: { id: deliverableId },
        select: { title: true, taskforce: { select: { name: true } }, raci: { where: { role: "I" }, select: { userId: true, organisationId: true } } },
      });
      if (!deliverable) return;
      const data = { title: deliverable.title, taskforce: deliverable.taskforce.name, status, url: moduleUrl(`deliverables/${deliverableId}`) };
      // People Informed themselves or through their organisation; each once.
      for (const userId of await peopleHolding(db, deliverable.raci)) await email(userId, EMAILS.statusChanged, data);
    },
    [EVENTS.deliverableDueSoon]: async (event, { db, email, moduleUrl }) => {
      const { deliverableId, dueDate, days } = dueSoon.parse(event.payload);
      const deliverable = await db.taskforceDeliverable.findUnique({
        where: { id: deliverableId },
        select: {
          title: true,
          status: true,
          dueDate: true,
          taskforce: { select: { name: true } },
          raci: { where: { role: { in: ["R", "A"] } }, select: { userId: true, organisationId: true } },
        },
      });
      // Done, or moved to another date since the job ran (that date gets its own reminder): nothing to say.
      if (!deliverable || deliverable.status === "DONE" || deliverable.dueDate.toISOString().slice(0, 10) !== dueDate) return;
      const data = { title: deliverable.title, taskforce: deliverable.taskforce.name, dueDate, days, url: moduleUrl(`deliverables/${deliverableId}`) };
      // Responsible or Accountable, themselves or through their organisation; each once.
      for (const userId of await peopleHolding(db, deliverable.raci)) await email(userId, EMAILS.dueSoon, data);
    },
  },
  jobs: {
    [JOBS.dueSoon]: remindDueSoon,
  },
  emails: {
    [EMAILS.published]: (data, t) => ({ subject: t("taskforce.mail.published.subject", data), text: t("taskforce.mail.published.text", data) }),
    [EMAILS.statusChanged]: (data, t) => {
      const status = t(`taskforce.deliverableStatus.${data.status}`);
      return { subject: t("taskforce.mail.statusChanged.subject", { ...data, status }), text: t("taskforce.mail.statusChanged.text", { ...data, status }) };
    },
    [EMAILS.dueSoon]: (data, t) => {
      const when = Number(data.days) === 0 ? t("taskforce.mail.dueSoon.today") : t("taskforce.mail.dueSoon.inDays", { days: data.days ?? 0 });
      return { subject: t("taskforce.mail.dueSoon.subject", { ...data, when }), text: t("taskforce.mail.dueSoon.text", { ...data, when }) };
    },
  },
  seed: seedDemo,
};

export default server;
