import type { EmailTemplate } from "@commons/plugin-sdk/server";
import { parseSections } from "./digest.server.ts";

/** The notifications area's email templates; `t` reads the recipient's language. */
export const notificationEmails: Record<string, EmailTemplate> = {
  mention: (data, t) => ({
    subject: t("forums.notifications.mail.mention.subject", data),
    text: t("forums.notifications.mail.mention.text", data),
  }),
  "new-post": (data, t) => ({
    subject: t("forums.notifications.mail.post.subject", data),
    text: `${t("forums.notifications.mail.post.text", data)}\n\n${t(data.because === "forum" ? "forums.notifications.mail.post.becauseForum" : "forums.notifications.mail.post.becauseThread", data)}`,
  }),
  digest: (data, t) => {
    const blocks = parseSections(String(data.sections)).map((section) => {
      const lines = section.threads.map((thread) => {
        const line = thread.started
          ? t("forums.notifications.mail.digest.newThread", { thread: thread.title, posts: thread.posts })
          : t("forums.notifications.mail.digest.replies", { thread: thread.title, posts: thread.posts });
        return `- ${line}\n  ${thread.url}`;
      });
      if (section.more) lines.push(t("forums.notifications.mail.digest.more", { threads: section.more }));
      return `${section.forum}\n\n${lines.join("\n")}`;
    });
    return {
      subject: t(data.frequency === "WEEKLY" ? "forums.notifications.mail.digest.subjectWEEKLY" : "forums.notifications.mail.digest.subjectDAILY", data),
      text: [t("forums.notifications.mail.digest.intro", data), ...blocks, t("forums.notifications.mail.digest.footer", { url: data.preferencesUrl ?? "" })].join("\n\n"),
    };
  },
};
