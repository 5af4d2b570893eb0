import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer, type SMTPServerAddress } from "smtp-server";

/**
 * A real SMTP server on loopback for development and tests: nodemailer talks actual SMTP
 * to it, so what the tests see is what a mail server would receive. Never run it on a
 * public interface: it accepts any credentials and keeps no TLS.
 */
export interface ParsedMessage {
  id: string;
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  date: string;
  headers: Record<string, string>;
}

export interface MailboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Also write each message to `<dir>/<timestamp>-<id>.eml` for readMailboxDir(). */
  dir?: string;
  /** Answer RCPT TO with 550 for these addresses, to exercise permanent failures. */
  rejectRecipients?: (address: string) => boolean;
}

export interface Mailbox {
  port: number;
  url: string;
  messages(): ParsedMessage[];
  waitFor(predicate: (message: ParsedMessage) => boolean, timeoutMs?: number): Promise<ParsedMessage>;
  clear(): void;
  close(): Promise<void>;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((group) => group.value.map((a) => a.address ?? "")).filter(Boolean);
}

function headerMap(lines: readonly { key: string; line: string }[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, line } of lines) {
    const value = line.slice(line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim();
    headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
  }
  return headers;
}

export async function parseMessage(id: string, source: Buffer, envelopeTo: string[] = []): Promise<ParsedMessage> {
  const mail = await simpleParser(source);
  const to = addresses(mail.to);
  return {
    id,
    messageId: mail.messageId ?? "",
    from: mail.from?.text ?? "",
    to: to.length ? to : envelopeTo,
    subject: mail.subject ?? "",
    text: mail.text ?? "",
    html: typeof mail.html === "string" ? mail.html : "",
    date: (mail.date ?? new Date()).toISOString(),
    headers: headerMap(mail.headerLines),
  };
}

let sequence = 0;
function newId(): string {
  // The counter keeps ids (and file names) in arrival order within one millisecond.
  sequence = (sequence + 1) % 1_000_000;
  return `${String(sequence).padStart(6, "0")}${randomBytes(4).toString("hex")}`;
}

export async function startMailbox(options: MailboxOptions = {}): Promise<Mailbox> {
  const { port = 0, host = "127.0.0.1", dir, rejectRecipients } = options;
  if (dir) await mkdir(dir, { recursive: true });
  const received: ParsedMessage[] = [];
  const waiters = new Set<(message: ParsedMessage) => void>();

  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    banner: "Commons dev mailbox",
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? "anyone" });
    },
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      if (rejectRecipients?.(address.address)) {
        return callback(Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const source = Buffer.concat(chunks);
        const id = newId();
        const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
        (async () => {
          if (dir) {
            const file = path.join(dir, `${Date.now()}-${id}.eml`);
            // Written then renamed, so a reader never parses half a message.
            await writeFile(`${file}.tmp`, source);
            await rename(`${file}.tmp`, file);
          }
          const message = await parseMessage(id, source, envelopeTo);
          received.push(message);
          for (const wake of waiters) wake(message);
        })().then(() => callback(), (error: Error) => callback(error));
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const boundPort = (server.server.address() as AddressInfo).port;

  return {
    port: boundPort,
    url: `smtp://${host}:${boundPort}`,
    messages: () => [...received],
    waitFor(predicate, timeoutMs = 10_000) {
      const already = received.find(predicate);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`No matching message arrived in the mailbox within ${timeoutMs} ms (${received.length} received).`));
        }, timeoutMs);
        const wake = (message: ParsedMessage) => {
          if (!predicate(message)) return;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(message);
        };
        waiters.add(wake);
      });
    },
    clear: () => {
      received.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The newest messages a mailbox wrote to `dir`, newest first (the dev mailbox page). */
export async function readMailboxDir(dir: string, { limit = 50 }: { limit?: number } = {}): Promise<ParsedMessage[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const newest = names
    .filter((n) => n.endsWith(".eml"))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(
    newest.map(async (name) => {
      const id = name.slice(name.indexOf("-") + 1, -".eml".length);
      return parseMessage(id, await readFile(path.join(dir, name)));
    }),
  );
}
