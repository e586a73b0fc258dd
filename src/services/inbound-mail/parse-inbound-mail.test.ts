import { describe, expect, it } from "vitest";
import { failureOf } from "../../../test/support/domain-failure.js";
import { rawMail } from "../../../test/support/raw-mail.js";
import { classifyInboundMail } from "../../domain/inbound-mail/classify-inbound-mail.js";
import { parseInboundMail } from "./parse-inbound-mail.js";

describe("parseInboundMail", () => {
  it("keeps no NUL characters in the subject, text, sender or ids", async () => {
    const raw = rawMail({ from: "Ann <ann\u0000@example.com>", to: "rep@sales.example", subject: "Re: Day\u0000 0", messageId: "<re\u0000ply@example.com>", inReplyTo: "<seq\u0000_1@sales.example>", text: "Yes\u0000 please." });
    const parsed = await parseInboundMail(raw);
    expect(parsed.mail).toMatchObject({ fromAddress: "ann@example.com", subject: "Re: Day 0", text: "Yes please.\n" });
    expect([...parsed.mail.headers.values()].join("")).not.toContain("\u0000");
    expect(parsed).toMatchObject({ messageId: "<reply@example.com>", inReplyTo: "<seq_1@sales.example>", dedupeKey: "<reply@example.com>" });
  });

  it("reads the first 64 KB of a huge text, and classifies 200 KB of letters fast", async () => {
    const raw = rawMail({ from: "MAILER-DAEMON@mx.example.com", to: "rep@sales.example", subject: "failure notice", text: `550 5.1.1 user unknown\n${"a".repeat(200_000)}` });
    const startedAt = performance.now();
    const parsed = await parseInboundMail(raw);
    expect(parsed.mail.text.length).toBeLessThanOrEqual(64 * 1024);
    expect(classifyInboundMail(parsed.mail)).toMatchObject({ kind: "bounce" });
    expect(performance.now() - startedAt).toBeLessThan(1_000);
  });

  it("refuses bytes that are no readable email as an invalid body", async () => {
    const raw = Buffer.from(`From: ann@example.com\r\nX-Huge: ${"x".repeat(2 * 1024 * 1024)}\r\n\r\nHi\r\n`);
    expect(await failureOf(parseInboundMail(raw))).toEqual({ code: "invalid", field: "body" });
  });
});
