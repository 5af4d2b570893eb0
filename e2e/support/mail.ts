import { expect } from "@playwright/test";
import { readMailboxDir, type ParsedMessage } from "@commons/email/mailbox";
import { fromSetup } from "./env.ts";

/** Messages the worker sent, read from the folder the loopback SMTP server writes. */
export async function messagesTo(email: string): Promise<ParsedMessage[]> {
  const all = await readMailboxDir(fromSetup("mailDir"), { limit: 1000 });
  return all.filter((m) => m.to.some((to) => to.toLowerCase() === email.toLowerCase()));
}

/** Waits for the newest message to `email` whose subject contains `subject`, beyond the first `skip` such messages. */
export async function waitForEmail(email: string, subject: string, { count = 1, timeout = 20_000 } = {}): Promise<ParsedMessage> {
  let found: ParsedMessage[] = [];
  await expect
    .poll(
      async () => {
        found = (await messagesTo(email)).filter((m) => m.subject.includes(subject));
        return found.length;
      },
      { message: `an email to ${email} with subject "${subject}"`, timeout },
    )
    .toBeGreaterThanOrEqual(count);
  return found[0]!;
}

/** The first link in the message's text that starts with `${PUBLIC_URL}${pathPrefix}`. */
export function linkIn(message: ParsedMessage, pathPrefix: string): string {
  const base = fromSetup("baseUrl");
  const escaped = `${base}${pathPrefix}`.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}[^\\s<>"]+`).exec(message.text);
  if (!match) throw new Error(`No link to ${base}${pathPrefix}… in the email "${message.subject}":\n${message.text}`);
  return match[0];
}
