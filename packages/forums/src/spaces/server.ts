import { z } from "zod";
import type { ModuleServer } from "@commons/plugin-sdk/server";
import type { settings } from "../settings.ts";
import { SPACES_EVENTS } from "./events.ts";
import { additionRecipients, joinInvitedForums, removalRecipients } from "./participants.server.ts";

const joined = z.object({ userId: z.uuid() });
const removed = z.object({ forumId: z.uuid(), participantId: z.uuid() });
const added = z.object({ forumId: z.uuid(), userIds: z.array(z.uuid()), organisationIds: z.array(z.uuid()) });
const invited = z.object({ forumId: z.uuid(), email: z.email() });

/**
 * The spaces area's part of the module's server entry: an invited stakeholder lands in their
 * forums when they accept the invitation; people added are told where to start, and a
 * removed participant is told why.
 */
export const spacesServer: Pick<ModuleServer<typeof settings>, "subscribers" | "emails" | "jobs"> = {
  subscribers: {
    "person.joined": async (event, { db, tenantId, log }) => {
      const { userId } = joined.parse(event.payload);
      const added = await joinInvitedForums(db, tenantId, userId);
      if (added) log.info("stakeholder put in the forums they were invited to", { userId, forums: added });
    },
    [SPACES_EVENTS.participantRemoved]: async (event, { db, email, moduleUrl }) => {
      const { participantId } = removed.parse(event.payload);
      const removal = await removalRecipients(db, participantId);
      // Let back in before the email went out: nothing to say.
      if (!removal) return;
      for (const userId of removal.userIds) await email(userId, "participant-removed", { forum: removal.forum.name, reason: removal.reason, url: moduleUrl("") });
    },
    [SPACES_EVENTS.participantsAdded]: async (event, { db, email, moduleUrl }) => {
      const { forumId, ...who } = added.parse(event.payload);
      const addition = await additionRecipients(db, forumId, who);
      if (!addition) return;
      const data = { forum: addition.forum.name, purpose: addition.forum.purpose, url: moduleUrl(`${forumId}/rules`) };
      for (const userId of addition.userIds) await email(userId, "participant-added", data);
    },
    // Beside the core invitation (its link): which forum, what it is for, where it will be.
    [SPACES_EVENTS.stakeholderInvited]: async (event, { db, emailAddress, moduleUrl }) => {
      const { forumId, email: address } = invited.parse(event.payload);
      const forum = await db.forum.findFirst({ where: { id: forumId, archivedAt: null }, select: { name: true, purpose: true } });
      if (!forum) return;
      await emailAddress(address, "stakeholder-invited", { forum: forum.name, purpose: forum.purpose, url: moduleUrl("") });
    },
  },
  emails: {
    "participant-added": (data, t) => ({ subject: t("forums.spaces.mail.added.subject", data), text: t("forums.spaces.mail.added.text", data) }),
    "stakeholder-invited": (data, t) => ({ subject: t("forums.spaces.mail.invited.subject", data), text: t("forums.spaces.mail.invited.text", data) }),
    "participant-removed": (data, t) => ({ subject: t("forums.spaces.mail.removed.subject", data), text: t("forums.spaces.mail.removed.text", data) }),
  },
  jobs: {},
};
