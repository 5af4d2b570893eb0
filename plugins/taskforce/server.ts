import { z } from "zod";
import type { ModuleServer } from "@commons/plugin-sdk/server";
// Type only: manifest.ts imports this file lazily, and a value import back would be a cycle.
import type { settings } from "./manifest.ts";
import { DELIVERABLE_STATUSES, EVENTS } from "./src/constants.ts";
import { t } from "./src/i18n.ts";

const statusChanged = z.object({ deliverableId: z.uuid(), status: z.enum(DELIVERABLE_STATUSES) });

/** The worker's side of the taskforce plugin: people Informed on a deliverable hear of its changes. */
const server: ModuleServer<typeof settings> = {
  subscribers: {
    [EVENTS.deliverableStatusChanged]: async (event, { db, notify, moduleUrl }) => {
      const { deliverableId, status } = statusChanged.parse(event.payload);
      const deliverable = await db.taskforceDeliverable.findUnique({
        where: { id: deliverableId },
        select: { title: true, taskforce: { select: { name: true } }, raci: { where: { role: "I" }, select: { userId: true } } },
      });
      if (!deliverable) return;
      const statusLabel = t(`taskforce.deliverableStatus.${status}`);
      for (const { userId } of deliverable.raci) {
        await notify(userId, {
          subject: t("taskforce.mail.statusChanged.subject", { title: deliverable.title, status: statusLabel }),
          text: t("taskforce.mail.statusChanged.text", { title: deliverable.title, taskforce: deliverable.taskforce.name, status: statusLabel, url: moduleUrl(`deliverables/${deliverableId}`) }),
        });
      }
    },
  },
};

export default server;
