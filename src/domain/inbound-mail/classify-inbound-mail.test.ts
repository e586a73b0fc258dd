import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { classifyInboundMail, statedReturnAt } from "./classify-inbound-mail.js";
import type { InboundMail } from "./inbound-mail.js";

const RECEIVED_AT = DateTime.fromISO("2026-11-23T10:00Z").toMillis();

function mail(overrides: Partial<Omit<InboundMail, "headers">> & { headers?: Record<string, string> } = {}): InboundMail {
  const { headers = {}, ...rest } = overrides;
  return {
    headers: new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])),
    fromAddress: "ann@example.com",
    subject: "Re: Quick question",
    text: "Thanks, let's talk on Thursday.",
    contentType: "text/plain; charset=utf-8",
    returnedMessage: null,
    ...rest,
  };
}

const classify = (message: InboundMail) => classifyInboundMail(message);

const DSN_TEXT = `Your message could not be delivered.

Reporting-MTA: dns; mx.example.com
Arrival-Date: Mon, 23 Nov 2026 10:00:00 +0000

Final-Recipient: rfc822; Ann@Example.com
Original-Recipient: rfc822;ann@example.com
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <ann@example.com>: Recipient address rejected:
    User unknown
`;

describe("classifyInboundMail", () => {
  it("takes mail a person wrote as a reply, away words included", () => {
    expect(classify(mail())).toEqual({ kind: "reply" });
    expect(classify(mail({ text: "I'm on holiday next week, let's talk after." }))).toEqual({ kind: "reply" });
    expect(classify(mail({ headers: { "Auto-Submitted": "no" } }))).toEqual({ kind: "reply" });
    // Exchange sets X-Auto-Response-Suppress on mail people type, too.
    expect(classify(mail({ headers: { "X-Auto-Response-Suppress": "All" }, subject: "We received your request #4411" }))).toEqual({ kind: "reply" });
  });

  it.each([
    ["Auto-Submitted: auto-replied", { "Auto-Submitted": "auto-replied" }],
    ["Auto-Submitted: auto-generated", { "Auto-Submitted": "auto-generated" }],
    ["X-Autoreply", { "X-Autoreply": "yes" }],
    ["X-Autorespond", { "X-Autorespond": "Thank you" }],
    ["Precedence: bulk", { Precedence: "bulk" }],
    ["Precedence: auto_reply", { Precedence: "auto_reply" }],
    ["Precedence: junk", { Precedence: "junk" }],
    ["Return-Path: <>", { "Return-Path": "<>" }],
  ])("takes %s without away words as another automatic reply", (_case, headers) => {
    expect(classify(mail({ headers, subject: "We received your request #4411", text: "A member of our team will answer soon." }))).toEqual({ kind: "auto_reply" });
  });

  it.each([
    ["English", "Out of Office: Quick question", "I am out of the office, back on 14 December."],
    ["Outlook", "Automatic reply: Quick question", "Thank you for your message. I will return on Monday, 14 December 2026."],
    ["German", "Abwesenheitsnotiz: Quick question", "Ich bin bis zum 13.12. nicht im Büro."],
    ["French", "Absence : Quick question", "Je suis absent, de retour le 14 décembre."],
    ["Spanish", "Fuera de la oficina: Quick question", "Estoy de vacaciones hasta el 13 de diciembre."],
  ])("reads a %s out-of-office with its return date", (_case, subject, text) => {
    const message = mail({ subject, text });
    expect(classify(message)).toEqual({ kind: "out_of_office" });
    expect(statedReturnAt(message, RECEIVED_AT, "UTC")).toBe(DateTime.fromISO("2026-12-14T00:00Z").toMillis());
  });

  it("reads an out-of-office from its headers and body, without a readable return date", () => {
    const message = mail({ headers: { "Auto-Submitted": "auto-replied" }, subject: "Re: Quick question", text: "I am currently away with limited access to email." });
    expect(classify(message)).toEqual({ kind: "out_of_office" });
    expect(statedReturnAt(message, RECEIVED_AT, "UTC")).toBeNull();
  });

  it("reads a failed RFC 3464 delivery report as a bounce of the final recipient", () => {
    const message = mail({
      fromAddress: "MAILER-DAEMON@mx.example.com",
      subject: "Undelivered Mail Returned to Sender",
      contentType: "multipart/report; report-type=delivery-status; boundary=\"b1\"",
      text: DSN_TEXT,
      returnedMessage: "From: owner@acme.test\nTo: ann@example.com\nMessage-ID: <seq_1@acme.test>\nSubject: Hello\n\nHi",
    });
    expect(classify(message)).toEqual({
      kind: "bounce",
      bounce: { recipient: "ann@example.com", status: "5.1.1", diagnostic: "550 5.1.1 <ann@example.com>: Recipient address rejected: User unknown", originalMessageId: "<seq_1@acme.test>" },
    });
  });

  it("finds the original Message-ID in returned headers inside the report's text", () => {
    const message = mail({ contentType: "multipart/report; report-type=\"delivery-status\"", text: `${DSN_TEXT}\nFrom: owner@acme.test\nMessage-ID: <seq_2@acme.test>\n` });
    expect(classify(message)).toMatchObject({ kind: "bounce", bounce: { originalMessageId: "<seq_2@acme.test>" } });
  });

  it("takes a delay report as an automatic reply, not a bounce", () => {
    const text = "Final-Recipient: rfc822; ann@example.com\nAction: delayed\nStatus: 4.4.7\n";
    expect(classify(mail({ contentType: "multipart/report; report-type=delivery-status", text }))).toEqual({ kind: "auto_reply" });
  });

  it("reads a classic mailer-daemon bounce", () => {
    const message = mail({
      fromAddress: "MAILER-DAEMON@mx.example.com",
      headers: { To: "owner@acme.test" },
      subject: "failure notice",
      text: "Hi. This is the qmail-send program at mx.example.com.\nI'm afraid I wasn't able to deliver your message to the following addresses.\n\n<bob@example.org>:\n192.0.2.10 does not like recipient.\nRemote host said: 550 5.1.1 No such user\n\n--- Below this line is a copy of the message.\n\nMessage-ID: <seq_3@acme.test>\n",
    });
    expect(classify(message)).toEqual({
      kind: "bounce",
      bounce: { recipient: "bob@example.org", status: "5.1.1", diagnostic: "Remote host said: 550 5.1.1 No such user", originalMessageId: "<seq_3@acme.test>" },
    });
  });

  it.each([
    ["a reply about absences", "Re: Cut absence costs by 30%", {}],
    ["a reply about delivery failures", "Re: Your delivery failure rate", {}],
    ["a German reply to an out-of-office", "AW: Abwesenheitsnotiz: Quick question", {}],
    ["a Swedish reply to a bounce subject", "SV: Undeliverable: Quick question", { "Auto-Submitted": "no" }],
    ["a French reply", "Réf: Réponse automatique : Quick question", {}],
    ["a spaced reply prefix", "RE : Out of office", {}],
    ["a Dutch reply", "Antw: Afwezig", {}],
    ["a subject that only starts like a bounce, from a person", "Undeliverable: Quick question", {}],
    ["a subject that starts with a plain word", "Absence policy question", {}],
  ])("takes %s as a reply", (_case, subject, headers) => {
    expect(classify(mail({ subject, headers, text: "I am out of the office budget talk: 550 user unknown, see you." }))).toEqual({ kind: "reply" });
  });

  it("reads a bounce by its subject only on automatic mail", () => {
    const text = "Delivery has failed to these recipients or groups:\n\nbob@example.org\nRemote server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'\n";
    for (const headers of [{ "Return-Path": "<>" }, { "Auto-Submitted": "auto-replied" }] as Record<string, string>[]) {
      const message = mail({ fromAddress: "exchange@acme.test", headers: { To: "owner@acme.test", ...headers }, subject: "Undeliverable: Quick question", text });
      expect(classify(message)).toMatchObject({ kind: "bounce", bounce: { recipient: "bob@example.org", status: "5.1.1" } });
    }
  });

  it("names the original recipient of a report, not the one forwarding delivered to", () => {
    const text = "Final-Recipient: rfc822; ann@mail.example.net\nOriginal-Recipient: rfc822; Ann@Example.com\nAction: failed\nStatus: 5.2.2\n";
    const message = mail({ fromAddress: "MAILER-DAEMON@mx.example.com", contentType: "multipart/report; report-type=delivery-status", text });
    expect(classify(message)).toMatchObject({ kind: "bounce", bounce: { recipient: "ann@example.com", status: "5.2.2" } });
  });

  it("reads a classic bounce by its own words, not by the message it returns", () => {
    const quoted = "\n------ This is a copy of the message, including all the headers. ------\nReturn-path: <owner@acme.test>\nFrom: owner@acme.test\nTo: bob@example.org\nCc: carol@example.net\n\nOur 5.1.2 release fixes it. If your account does not exist, ignore this.\n";
    const delayed = mail({ fromAddress: "MAILER-DAEMON@mx.example.com", subject: "Warning: message delayed", text: `Delivery is delayed. Will keep trying.\n${quoted}` });
    expect(classify(delayed)).toEqual({ kind: "auto_reply" });
    const failed = mail({ fromAddress: "MAILER-DAEMON@mx.example.com", headers: { To: "owner@acme.test" }, subject: "Mail delivery failed", text: `This is a permanent error. User unknown.\n${quoted}` });
    expect(classify(failed)).toMatchObject({ kind: "bounce", bounce: { recipient: null, status: null } });
  });

  it("reads 200 KB of letters without an address in linear time", () => {
    const message = mail({ fromAddress: "MAILER-DAEMON@mx.example.com", subject: "failure notice", text: `550 5.1.1 user unknown\n${"a".repeat(200_000)}\n${"word ".repeat(40_000)}` });
    const startedAt = performance.now();
    expect(classify(message)).toMatchObject({ kind: "bounce", bounce: { recipient: null, status: "5.1.1" } });
    expect(performance.now() - startedAt).toBeLessThan(500);
  });

  it("reads a classic bounce without a status code by its words, and a delay warning as an automatic reply", () => {
    const failed = mail({ fromAddress: "postmaster@example.org", subject: "Returned mail: see transcript", text: "----- The following addresses had permanent fatal errors -----\n<bob@example.org>\n    (reason: user unknown)" });
    expect(classify(failed)).toMatchObject({ kind: "bounce", bounce: { recipient: "bob@example.org", status: null } });
    const delayed = mail({ fromAddress: "postmaster@example.org", subject: "Warning: message delayed", text: "Delivery to bob@example.org is delayed (4.4.1). Will keep trying." });
    expect(classify(delayed)).toEqual({ kind: "auto_reply" });
  });
});
