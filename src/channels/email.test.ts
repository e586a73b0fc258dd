import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SmtpSink, startSmtpSink } from "../../test/support/smtp-sink.js";
import { createEmailChannel, messageIdOf } from "./email.js";

const FROM = "Closeloop <alerts@crm.example.com>";
const payload = { to: ["rita@team.example"], subject: "New lead: Ana Lima", text: "Respond by 09:05." };

describe("email channel", () => {
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await startSmtpSink({ rejectRecipient: (address) => address.startsWith("nobody@") });
  });
  afterAll(() => smtp.close());

  it("sends over SMTP with a Message-ID derived from the outbox id, the same on a retry", async () => {
    const channel = createEmailChannel({ smtpUrl: smtp.url, from: FROM, timeoutMs: 5000 });
    expect(await channel.deliver({ id: "msg_1", attempt: 1, payload })).toEqual({ isDelivered: true, statusCode: 250 });
    await channel.deliver({ id: "msg_1", attempt: 2, payload });
    await smtp.waitForMessages(2);
    const [first, retry] = smtp.messages;
    expect(first).toMatchObject({ from: "alerts@crm.example.com", to: ["rita@team.example"] });
    expect(first!.header("message-id")).toBe("<msg_1@crm.example.com>");
    expect(retry!.header("message-id")).toBe(first!.header("message-id"));
    expect(first!.header("subject")).toBe("New lead: Ana Lima");
    expect(first!.raw).toContain("Respond by 09:05.");
  });

  it("treats a 5xx rejection as permanent, so an unknown mailbox is not retried for hours", async () => {
    const channel = createEmailChannel({ smtpUrl: smtp.url, from: FROM, timeoutMs: 5000 });
    const result = await channel.deliver({ id: "msg_2", attempt: 1, payload: { ...payload, to: ["nobody@team.example"] } });
    expect(result).toMatchObject({ isDelivered: false, statusCode: 550, isPermanent: true });
  });

  it("fails permanently and says what to set when SMTP is not configured", async () => {
    const channel = createEmailChannel({ smtpUrl: undefined, from: FROM, timeoutMs: 5000 });
    expect(await channel.deliver({ id: "msg_3", attempt: 1, payload })).toMatchObject({ isDelivered: false, isPermanent: true, error: expect.stringContaining("SMTP_URL") });
  });

  it("derives the Message-ID domain from the sender address", () => {
    expect(messageIdOf("msg_9", "alerts@example.org")).toBe("<msg_9@example.org>");
    expect(messageIdOf("msg_9", "Closeloop")).toBe("<msg_9@closeloop.invalid>");
  });
});
