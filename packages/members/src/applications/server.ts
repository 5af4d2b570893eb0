import { generateToken, hashToken } from "@commons/auth";
import type { ModuleServer, SubscriberContext } from "@commons/plugin-sdk/server";
import { EVENTS } from "../constants.ts";
import type { settings } from "../settings.ts";

type Context = SubscriberContext<typeof settings>;

/**
 * Emails about applications. The applicant has no account yet, so their mail goes through
 * emailAddress (once per event and address); the secretariat's through email (members only,
 * in each one's language). Every template ends with why the person receives it.
 */
const template = (area: "received" | "info" | "rejected" | "approved") => (data: Record<string, string | number>, t: (key: string, params?: Record<string, string | number>) => string) => {
  const footer = t("members.applications.mail.footer", data);
  return { subject: t(`members.applications.mail.${area}.subject`, data), text: t(`members.applications.mail.${area}.text`, { ...data, footer }) };
};

/** The application an event is about, with its coalition's name; null if it is gone. */
async function load(event: { payload: unknown }, { db, tenantId }: Context) {
  const { applicationId } = (event.payload ?? {}) as { applicationId?: string };
  if (typeof applicationId !== "string") return null;
  const [application, tenant] = await Promise.all([
    db.membersApplication.findFirst({ where: { id: applicationId } }),
    db.tenant.findUnique({ where: { id: tenantId }, select: { name: true } }),
  ]);
  if (!application) return null;
  const data = { name: application.contactName, organisation: application.organisationName, coalition: tenant?.name ?? "" };
  return { application, data };
}

/** The coalition's secretariat (admins and staff): who reviews applications. */
async function secretariat(db: Context["db"]) {
  const rows = await db.membership.findMany({ where: { role: { in: ["SECRETARIAT_ADMIN", "SECRETARIAT_STAFF"] } }, select: { userId: true }, take: 200 });
  return rows.map((r) => r.userId);
}

export const applicationsServer: Pick<ModuleServer<typeof settings>, "subscribers" | "emails"> = {
  emails: {
    "application.received": template("received"),
    "application.info": template("info"),
    "application.rejected": template("rejected"),
    "application.approved": template("approved"),
    "application.review": (data, t) => ({ subject: t("members.applications.mail.review.subject", data), text: t("members.applications.mail.review.text", data) }),
  },
  subscribers: {
    [EVENTS.applicationSubmitted]: async (event, ctx) => {
      const loaded = await load(event, ctx);
      if (!loaded) return ctx.log.info("application gone; nothing to send", { eventId: event.id });
      const { application, data } = loaded;
      await ctx.emailAddress(application.contactEmail, "application.received", data);
      const url = ctx.moduleUrl(`applications/${application.id}`);
      for (const userId of await secretariat(ctx.db)) await ctx.email(userId, "application.review", { ...data, url });
    },
    [EVENTS.applicationInfoRequested]: async (event, ctx) => {
      const loaded = await load(event, ctx);
      // Answered, decided or asked again since: this question's link is no longer wanted.
      if (!loaded || loaded.application.status !== "INFO_REQUESTED") return ctx.log.info("no open question; nothing to send", { eventId: event.id });
      const { application, data } = loaded;
      // The link is made as the email goes out; only its hash is kept, so the outbox never holds it.
      const token = generateToken();
      await ctx.db.membersApplication.update({ where: { id: application.id }, data: { responseTokenHash: hashToken(token) } });
      await ctx.emailAddress(application.contactEmail, "application.info", { ...data, question: application.infoRequest, url: ctx.moduleUrl(`apply/${token}`) });
    },
    [EVENTS.applicationRejected]: async (event, ctx) => {
      const loaded = await load(event, ctx);
      if (!loaded) return;
      await ctx.emailAddress(loaded.application.contactEmail, "application.rejected", { ...loaded.data, reason: loaded.application.decisionReason });
    },
    [EVENTS.applicationApproved]: async (event, ctx) => {
      const loaded = await load(event, ctx);
      if (!loaded) return;
      await ctx.emailAddress(loaded.application.contactEmail, "application.approved", loaded.data);
    },
  },
};
