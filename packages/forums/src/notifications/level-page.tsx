import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "@commons/ui";
import type { FormFailure } from "@commons/plugin-sdk/forms/server";
import { useNotificationsT } from "./i18n.ts";
import { NotificationLevelForm, type NotificationLevel } from "./level-form.tsx";

interface LevelPageData {
  slug: string;
  forumId: string;
  threadId: string | null;
  name: string;
  level: NotificationLevel;
  back: string;
}

/** The level form on a page of its own: reached without JavaScript when a choice was refused. */
export function LevelPage() {
  const t = useNotificationsT();
  const data = useLoaderData<LevelPageData>();
  const failure = useActionData<FormFailure | undefined>();
  return (
    <main id="main">
      <h1>{data.name}</h1>
      <ErrorSummary title={t("forums.notifications.level.legend")} errors={failure?.errors} />
      <NotificationLevelForm slug={data.slug} forumId={data.forumId} threadId={data.threadId ?? undefined} level={data.level} error={failure?.errors.level} />
      <p>
        <Link to={data.back}>{data.name}</Link>
      </p>
    </main>
  );
}
