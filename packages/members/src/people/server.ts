import { z } from "zod";
import type { ModuleServer } from "@commons/plugin-sdk/server";
import { EVENTS } from "../constants.ts";
import type { settings } from "../settings.ts";

const statusChanged = z.object({ organisationId: z.uuid(), statusChangeId: z.uuid() });

/** The people area's part of the module's server entry: its subscribers and email templates. */
export const peopleServer: Pick<ModuleServer<typeof settings>, "subscribers" | "emails"> = {
  subscribers: {
    /**
     * The organisation's people hear about their organisation's new standing and why. Who
     * they are is read now (people who joined or left since count as they are now); those
     * who turned email updates off for this coalition are not emailed.
     */
    [EVENTS.statusChanged]: async (event, { db, email, moduleUrl, log }) => {
      const payload = statusChanged.safeParse(event.payload);
      if (!payload.success) return log.warn("status change event without ids; nothing to send", { eventId: event.id });
      const { organisationId, statusChangeId } = payload.data;
      const [change, organisation] = await Promise.all([
        db.membersStatusChange.findFirst({ where: { id: statusChangeId, organisationId }, select: { toStatus: true, reason: true } }),
        db.organisation.findFirst({ where: { id: organisationId }, select: { name: true } }),
      ]);
      if (!change || !organisation) return log.info("status change no longer exists; nothing to send", { statusChangeId });
      const people = await db.membership.findMany({ where: { organisationId, emailUpdates: true }, orderBy: { createdAt: "asc" }, select: { userId: true } });
      for (const { userId } of people) {
        await email(userId, "statusChanged", { organisation: organisation.name, status: change.toStatus, reason: change.reason, url: moduleUrl("me") });
      }
    },
  },
  emails: {
    statusChanged: (data, t) => {
      const status = t(`members.status.${String(data.status)}`);
      const params = { ...data, status };
      return {
        subject: t("members.people.email.statusChanged.subject", params),
        text: [t("members.people.email.statusChanged.body", params), "", String(data.reason), "", t("members.people.email.statusChanged.link", params)].join("\n"),
      };
    },
  },
};
