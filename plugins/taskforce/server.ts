import { z } from "zod";
import type { ModuleServer } from "@commons/plugin-sdk/server";
// Type only: manifest.ts imports this file lazily, and a value import back would be a cycle.
import type { settings } from "./manifest.ts";
import { DELIVERABLE_STATUSES, EVENTS } from "./src/constants.ts";
import { t } from "./src/i18n.ts";
import { peopleHolding } from "./src/raci.server.ts";

const statusChanged = z.object({ deliverableId: z.uuid(), status: z.enum(DELIVERABLE_STATUSES) });
const published = z.object({ deliverableId: z.uuid(), taskforceId: z.uuid(), audience: z.enum(["coalition", "taskforce"]) });

/** Long outputs are linked, not pasted: the email carries the opening. */
const EXCERPT = 1_500;

/**
 * The worker's side of the taskforce plugin: people Informed on a deliverable (themselves or
 * through their organisation) hear of its changes; members who opted in hear of published outputs.
 */
const server: ModuleServer<typeof settings> = {
  subscribers: {
    [EVENTS.deliverablePublished]: async (event, { db, notify, moduleUrl }) => {
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
      for (const { userId } of subscribers) {
        if (allowed && !allowed.has(userId)) continue;
        await notify(userId, {
          subject: t("taskforce.mail.published.subject", { taskforce: deliverable.taskforce.name, title: deliverable.title }),
          text: t("taskforce.mail.published.text", { taskforce: deliverable.taskforce.name, title: deliverable.title, output, url: moduleUrl(`deliverables/${deliverableId}`) }),
        });
      }
    },
    [EVENTS.deliverableStatusChanged]: async (event, { db, notify, moduleUrl }) => {
      const { deliverableId, status } = statusChanged.parse(event.payload);
      const deliverable = await db.taskforceDeliverable.findUnique({
        where: { id: deliverableId },
        select: { title: true, taskforce: { select: { name: true } }, raci: { where: { role: "I" }, select: { userId: true, organisationId: true } } },
      });
      if (!deliverable) return;
      const statusLabel = t(`taskforce.deliverableStatus.${status}`);
      // People Informed themselves or through their organisation; each once.
      for (const userId of await peopleHolding(db, deliverable.raci)) {
        await notify(userId, {
          subject: t("taskforce.mail.statusChanged.subject", { title: deliverable.title, status: statusLabel }),
          text: t("taskforce.mail.statusChanged.text", { title: deliverable.title, taskforce: deliverable.taskforce.name, status: statusLabel, url: moduleUrl(`deliverables/${deliverableId}`) }),
        });
      }
    },
  },
};

export default server;
