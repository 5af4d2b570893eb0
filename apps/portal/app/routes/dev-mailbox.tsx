import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { readMailboxDir } from "@commons/email/mailbox";
import { formatDateTime } from "@commons/i18n";
import { useLocale, useT } from "../lib/i18n.ts";

export const meta: MetaFunction = () => [{ title: "Dev mailbox · Commons" }];

// Development only: what the worker "sent" to the launcher's loopback SMTP server.
export async function loader(_args: LoaderFunctionArgs) {
  const dir = process.env.MAILBOX_DIR;
  if (process.env.NODE_ENV === "production" || !dir) throw new Response("Not found", { status: 404 });
  const messages = await readMailboxDir(dir, { limit: 50 });
  return { messages: messages.map((m) => ({ id: m.id, to: m.to.join(", "), subject: m.subject, date: m.date, text: m.text })) };
}

export default function DevMailbox() {
  const t = useT();
  const locale = useLocale();
  const { messages } = useLoaderData<typeof loader>();
  return (
    <main id="main">
      <h1>{t("dev.mailbox.title")}</h1>
      <p className="muted">{t("dev.mailbox.intro")}</p>
      {messages.length === 0 ? <p>{t("dev.mailbox.empty")}</p> : null}
      {messages.map((m) => (
        <article key={m.id} className="card stack">
          <h2>{m.subject}</h2>
          <dl className="summary">
            <dt>{t("dev.mailbox.to")}</dt>
            <dd>{m.to}</dd>
            <dt>{t("dev.mailbox.date")}</dt>
            <dd>{m.date ? formatDateTime(m.date, locale) : ""}</dd>
          </dl>
          <pre className="mail">{m.text}</pre>
        </article>
      ))}
    </main>
  );
}
