import { z } from "zod";
import type { ModuleServer } from "@commons/plugin-sdk/server";
import { EVENTS } from "../constants.ts";
import type { settings } from "../settings.ts";
import type { DraftingKey } from "./i18n.ts";
import { formatWithZone, safeZone } from "@commons/i18n";

const opened = z.object({ consultationId: z.string().uuid() });

/** The drafting area's part of the module's server entry: its subscribers, email templates and jobs. */
export const draftingServer: Pick<ModuleServer<typeof settings>, "subscribers" | "emails" | "jobs"> = {
  subscribers: {
    /**
     * Tells everyone asked that the consultation is open: every person of an organisation
     * recipient, and each person recipient. The recipients were fixed when it opened; email()
     * checks each is still a member and has not turned email off.
     */
    [EVENTS.opened]: async (event, { db, tenantId, settings, email, moduleUrl, log }) => {
      const { consultationId } = opened.parse(event.payload);
      const consultation = await db.consultation.findFirst({ where: { id: consultationId }, select: { title: true, purpose: true, deadline: true, status: true } });
      if (!consultation || consultation.status !== "OPEN") return log.info("consultations: opened event for a consultation that is not open; nobody emailed", { consultationId });
      const people = await db.$queryRaw<{ user_id: string }[]>`
        SELECT m.user_id::text AS user_id
        FROM consultations_recipients r
        JOIN memberships m ON m.tenant_id = r.tenant_id AND m.organisation_id = r.organisation_id AND m.role <> 'STAKEHOLDER'
        WHERE r.tenant_id = ${tenantId}::uuid AND r.consultation_id = ${consultationId}::uuid AND r.user_id IS NULL
        UNION
        SELECT r.user_id::text
        FROM consultations_recipients r
        WHERE r.tenant_id = ${tenantId}::uuid AND r.consultation_id = ${consultationId}::uuid AND r.user_id IS NOT NULL`;
      const zone = safeZone(settings.timezone);
      const data = {
        title: consultation.title,
        purpose: consultation.purpose,
        deadline: consultation.deadline?.toISOString() ?? "",
        zone,
        url: moduleUrl(consultationId),
      };
      let sent = 0;
      for (const { user_id } of people) if ((await email(user_id, "consultation-opened", data)) === "sent") sent += 1;
      log.info("consultations: opening emails", { consultationId, people: people.length, sent });
    },
  },
  emails: {
    "consultation-opened": (data, t) => {
      const key = (k: DraftingKey) => k;
      const purpose = String(data.purpose ?? "").trim();
      // The deadline in the reader's language and the coalition's zone, named (as on the pages and the reminder).
      const deadline = data.deadline ? formatWithZone(String(data.deadline), t("consultations.follow.locale"), safeZone(String(data.zone ?? "UTC"))) : "";
      return {
        subject: t(key("consultations.drafting.mail.opened.subject"), data),
        text: [t(key("consultations.drafting.mail.opened.intro"), data), purpose, deadline ? t(key("consultations.drafting.mail.opened.deadline"), { deadline }) : "", t(key("consultations.drafting.mail.opened.link"), data)]
          .filter(Boolean)
          .join("\n\n"),
      };
    },
  },
  jobs: {},
};
