import type { ModuleServer } from "@commons/plugin-sdk/server";
import { formatWithZone, safeZone } from "@commons/i18n";
import { EVENTS, JOBS } from "../constants.ts";
import type { settings } from "../settings.ts";
import { EMAIL_REMINDER, remindNonResponders } from "./reminders.server.ts";
import { EMAIL_STATEMENT, emailStatement } from "./statement.server.ts";
import { tick } from "./tick.server.ts";

/** The follow area's part of the module's server entry: reminders, closing, the statement's email. */
export const followServer: Pick<ModuleServer<typeof settings>, "subscribers" | "emails" | "jobs"> = {
  subscribers: {
    [EVENTS.reminderDue]: remindNonResponders,
    [EVENTS.closed]: emailStatement,
  },
  emails: {
    [EMAIL_REMINDER]: (data, t) => {
      // The deadline in the reader's language and the coalition's zone, named (as on the pages).
      const deadline = formatWithZone(String(data.deadline), t("consultations.follow.locale"), safeZone(String(data.zone ?? "UTC")));
      return { subject: t("consultations.follow.mail.reminder.subject", { ...data, deadline }), text: t("consultations.follow.mail.reminder.text", { ...data, deadline }) };
    },
    [EMAIL_STATEMENT]: (data, t) => {
      const commitments = data.commitments ? t("consultations.follow.mail.statement.commitments", { list: data.commitments }) : "";
      const invite = t(Number(data.feltHeard) ? "consultations.follow.mail.statement.inviteHeard" : "consultations.follow.mail.statement.invite");
      return { subject: t("consultations.follow.mail.statement.subject", data), text: t("consultations.follow.mail.statement.text", { ...data, commitments, invite }) };
    },
  },
  jobs: {
    [JOBS.tick]: tick,
  },
};
