import { Form } from "@remix-run/react";
import { Button, SelectField } from "@commons/ui";
import { useLevelFormT } from "./level-form-i18n.ts";

export type NotificationLevel = "WATCH" | "NORMAL" | "MUTE";

export interface NotificationLevelFormProps {
  /** The tenant's slug and the forum; with threadId the form is the thread's, else the forum's. */
  slug: string;
  forumId: string;
  threadId?: string;
  /** The level that applies now (the thread's own, else the forum's, else NORMAL). */
  level: NotificationLevel;
  /** Where to come back after saving (a path of this forum); the page itself when left out. */
  returnTo?: string;
  error?: string;
}

/** The path the form posts to: a loader can build the same one for links. */
export function notificationLevelAction(slug: string, forumId: string, threadId?: string): string {
  return `/c/${slug}/forums/${forumId}${threadId ? `/threads/${threadId}` : ""}/notifications`;
}

/**
 * "Notifications: Watch / Normal / Mute" for a thread or a forum: one select and a button,
 * a plain POST that works without JavaScript; the action saves and redirects back.
 */
export function NotificationLevelForm({ slug, forumId, threadId, level, returnTo, error }: NotificationLevelFormProps) {
  const t = useLevelFormT();
  const options = (["WATCH", "NORMAL", "MUTE"] as const).map((value) => ({ value, label: t(`forums.notifications.level.${value}`) }));
  return (
    <Form method="post" action={notificationLevelAction(slug, forumId, threadId)} className="notification-level" id="notifications" key={level}>
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      <SelectField
        name="level"
        label={t("forums.notifications.level.legend")}
        hint={t(threadId ? "forums.notifications.level.threadHint" : "forums.notifications.level.forumHint")}
        options={options}
        defaultValue={level}
        error={error}
      />
      <Button variant="secondary">{t("forums.notifications.level.save")}</Button>
    </Form>
  );
}
