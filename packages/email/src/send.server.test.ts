import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readMailboxDir, startMailbox, type Mailbox } from "./mailbox.server.ts";
import {
  createMailTransport,
  HeaderInjectionError,
  invitationEmail,
  isPermanentSmtpError,
  notificationEmail,
  passwordResetEmail,
  sendMail,
  verificationEmail,
  type MailTransport,
} from "./index.ts";

let mailbox: Mailbox;
let transport: MailTransport;
let dir: string;
let counter = 0;
const messageId = () => `<test-${++counter}.${Date.now()}@commons>`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "commons-mailbox-"));
  mailbox = await startMailbox({ port: 0, dir, rejectRecipients: (address) => address.endsWith("@bounce.test") });
  // Credentials in the URL check that the mailbox accepts any AUTH without TLS.
  transport = createMailTransport(`smtp://someone:secret@127.0.0.1:${mailbox.port}`);
});

afterAll(async () => {
  transport?.close();
  await mailbox?.close();
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => mailbox.clear());

describe("sendMail through a loopback SMTP server", () => {
  it("delivers a verification email with a plain-text part, HTML and the caller's Message-ID", async () => {
    const id = messageId();
    const url = "http://localhost:3000/verify-email/abc123";
    await sendMail(transport, { to: "ada@example.org", messageId: id, ...verificationEmail({ name: "Ada", url, locale: "en" }) });
    const message = await mailbox.waitFor((m) => m.messageId === id);
    expect(message.to).toEqual(["ada@example.org"]);
    expect(message.subject).toBe("Confirm your email address for Commons");
    expect(message.text).toContain("Hello Ada,");
    expect(message.text).toContain(url);
    expect(message.html).toContain(`<a href="${url}">`);
    expect(message.from).toContain("no-reply@commons.localhost");
  });

  it("escapes markup from interpolated values in the HTML part", async () => {
    const id = messageId();
    const name = `<script>alert("x")</script>`;
    await sendMail(transport, { to: "eve@example.org", messageId: id, ...passwordResetEmail({ name, url: "http://localhost:3000/reset-password/t" }) });
    const message = await mailbox.waitFor((m) => m.messageId === id);
    expect(message.html).not.toContain("<script>");
    expect(message.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(message.text).toContain(name);
  });

  it("escapes an inviter's name and a coalition's name in invitations", async () => {
    const id = messageId();
    const built = invitationEmail({
      coalition: "Water & <b>Sanitation</b>",
      inviter: `Mallory "><img src=x>`,
      role: "Member",
      url: "http://localhost:3000/c/water/join/tok",
    });
    await sendMail(transport, { to: "new@example.org", messageId: id, ...built });
    const message = await mailbox.waitFor((m) => m.messageId === id);
    expect(message.subject).toBe("You are invited to join Water & <b>Sanitation</b> on Commons");
    expect(message.html).not.toMatch(/<img|<b>/);
    expect(message.html).toContain("Water &amp; &lt;b&gt;Sanitation&lt;/b&gt;");
  });

  it("adds one-click List-Unsubscribe headers to notifications", async () => {
    const id = messageId();
    const built = notificationEmail({
      subject: "A consultation opened",
      text: "The consultation on the annual plan is open.",
      unsubscribeUrl: "http://localhost:3000/unsubscribe/u1",
      preferencesUrl: "http://localhost:3000/settings/notifications",
    });
    await sendMail(transport, { to: "ada@example.org", messageId: id, ...built });
    const message = await mailbox.waitFor((m) => m.messageId === id);
    expect(message.headers["list-unsubscribe"]).toBe("<http://localhost:3000/unsubscribe/u1>");
    expect(message.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(message.text).toContain("Unsubscribe from these emails: http://localhost:3000/unsubscribe/u1");
    expect(message.text).toContain("http://localhost:3000/settings/notifications");
  });

  it("refuses line breaks in the subject, the recipient, the sender's name and headers", async () => {
    const built = verificationEmail({ name: "Ada", url: "http://localhost:3000/verify-email/x" });
    const attempts = [
      { to: "ada@example.org", messageId: messageId(), ...built, subject: "Hi\r\nBcc: victim@example.org" },
      { to: "ada@example.org\nBcc: victim@example.org", messageId: messageId(), ...built },
      { to: { name: "Ada\r\nBcc: victim@example.org", address: "ada@example.org" }, messageId: messageId(), ...built },
      { to: "ada@example.org", from: { name: "Commons\nX-Evil: 1", address: "a@b.c" }, messageId: messageId(), ...built },
      { to: "ada@example.org", messageId: messageId(), ...built, headers: { "X-Test": "a\r\nBcc: victim@example.org" } },
    ];
    for (const mail of attempts) {
      const sending = sendMail(transport, mail);
      await expect(sending).rejects.toBeInstanceOf(HeaderInjectionError);
      await sending.catch((error: unknown) => expect(isPermanentSmtpError(error)).toBe(true));
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(mailbox.messages()).toHaveLength(0);
  });

  it("sends to exactly one recipient", async () => {
    const built = verificationEmail({ name: "Ada", url: "http://localhost:3000/verify-email/x" });
    await expect(sendMail(transport, { to: "ada@example.org, eve@example.org", messageId: messageId(), ...built })).rejects.toThrow(
      /more than one address/,
    );
  });

  it("classifies a 550 from the server as permanent", async () => {
    const built = verificationEmail({ name: "Ada", url: "http://localhost:3000/verify-email/x" });
    const error = await sendMail(transport, { to: "gone@bounce.test", messageId: messageId(), ...built }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(isPermanentSmtpError(error)).toBe(true);
  });

  it("classifies a refused connection and a 4xx reply as temporary", async () => {
    const closed = await startMailbox();
    const port = closed.port;
    await closed.close();
    const dead = createMailTransport(`smtp://127.0.0.1:${port}`);
    const built = verificationEmail({ name: "Ada", url: "http://localhost:3000/verify-email/x" });
    const error = await sendMail(dead, { to: "ada@example.org", messageId: messageId(), ...built }).catch((e: unknown) => e);
    expect((error as NodeJS.ErrnoException).code).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    expect(isPermanentSmtpError(error)).toBe(false);
    expect(isPermanentSmtpError(Object.assign(new Error("try later"), { responseCode: 451 }))).toBe(false);
    expect(isPermanentSmtpError(Object.assign(new Error("Greeting never received"), { code: "ETIMEDOUT" }))).toBe(false);
  });
});

describe("the mailbox directory", () => {
  it("writes each message as .eml and reads them back newest first", async () => {
    const first = messageId();
    const second = messageId();
    const built = verificationEmail({ name: "Ada", url: "http://localhost:3000/verify-email/x" });
    await sendMail(transport, { to: "one@example.org", messageId: first, ...built });
    await sendMail(transport, { to: "two@example.org", messageId: second, ...built });
    const read = await readMailboxDir(dir, { limit: 2 });
    expect(read.map((m) => m.messageId)).toEqual([second, first]);
    expect(read[0]!.to).toEqual(["two@example.org"]);
    expect(read[0]!.text).toContain("Hello Ada,");
    expect(await readMailboxDir(path.join(dir, "missing"))).toEqual([]);
  });
});
