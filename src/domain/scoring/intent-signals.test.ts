import { describe, expect, it } from "vitest";
import { intentSignalsOf, SIGNAL_EVENT_TYPES, type SignalEvent } from "./intent-signals.js";

const MINUTE_MS = 60_000;
const T = Date.UTC(2026, 2, 2, 9, 0);

/** A lead's log as the services write it: a form capture, routing and SLA noise, activity, sequence mail, a reply, a merge, a meeting and touches both ways. */
const history: SignalEvent[] = [
  {
    type: "created",
    actor: "form:Fq3demoKey9",
    at: T,
    data: { payload: { channel: "form", source: "website", campaign: "demo-request", email: "ana@acme.test", utmCampaign: "spring-demo", utmSource: "google", company: "Acme" } },
  },
  { type: "assigned", actor: "system", at: T, data: { ownerId: "user_rita" } },
  { type: "sla_started", actor: "system", at: T, data: {} },
  { type: "activity", actor: "api_key:site", at: T + 5 * MINUTE_MS, data: { kind: "page_view", url: "https://closeloop.test/pricing", title: "Pricing" } },
  { type: "activity", actor: "api_key:site", at: T + 6 * MINUTE_MS, data: { kind: "content", url: "https://closeloop.test/guide.pdf", title: null } },
  { type: "activity", actor: "api_key:site", at: T + 7 * MINUTE_MS, data: { kind: "download", url: "https://closeloop.test/x" } },
  { type: "touch", actor: "system", at: T + 10 * MINUTE_MS, data: { channel: "email", direction: "out", outcome: null, durationSeconds: null, notes: null, isAutomated: true } },
  { type: "message_sent", actor: "system", at: T + 10 * MINUTE_MS, data: { subject: "Your demo" } },
  { type: "replied", actor: "system", at: T + 60 * MINUTE_MS, data: { messageId: "<m1>", inReplyTo: "<m0>", via: "imap", subject: "Re: Your demo" } },
  { type: "merged_duplicate", actor: "api_key:key_zapier", at: T + 90 * MINUTE_MS, data: { payload: { email: "ana@acme.test", source: "webinar", campaign: "" }, matchedBy: "email", changedFields: [] } },
  { type: "meeting_booked", actor: "calcom", at: T + 120 * MINUTE_MS, data: { meetingId: "mtg_1", provider: "calcom", startsAt: T + 2 * 86_400_000, isFirst: true } },
  { type: "touch", actor: "user:user_rita", at: T + 150 * MINUTE_MS, data: { channel: "call", direction: "in", outcome: "connected", durationSeconds: 300, notes: null, isAutomated: false } },
  { type: "meeting_held", actor: "user:user_rita", at: T + 2 * 86_400_000, data: { meetingId: "mtg_1", provider: "calcom", startsAt: T + 2 * 86_400_000, isFirst: true } },
  { type: "touch", actor: "user:user_rita", at: T + 2 * 86_400_000, data: { channel: "meeting", direction: "out", outcome: null, durationSeconds: 1800, notes: null, isAutomated: false } },
  { type: "scored", actor: "system", at: T + 2 * 86_400_000, data: { score: 80 } },
];

describe("intentSignalsOf", () => {
  it("reads captures, website activity, replies, meetings and inbound touches from a lead's log, in order", () => {
    expect(intentSignalsOf(history)).toEqual([
      { kind: "captured", at: T, details: ["Fq3demoKey9", "website", "demo-request", "form", "spring-demo"] },
      { kind: "page_view", at: T + 5 * MINUTE_MS, details: ["https://closeloop.test/pricing", "Pricing"] },
      { kind: "content", at: T + 6 * MINUTE_MS, details: ["https://closeloop.test/guide.pdf"] },
      { kind: "replied", at: T + 60 * MINUTE_MS, details: [] },
      { kind: "captured", at: T + 90 * MINUTE_MS, details: ["webinar"] },
      { kind: "meeting_booked", at: T + 120 * MINUTE_MS, details: [] },
      { kind: "inbound_touch", at: T + 150 * MINUTE_MS, details: [] },
      { kind: "meeting_held", at: T + 2 * 86_400_000, details: [] },
    ]);
  });

  it("takes no form key from other actors and tolerates a capture without a payload", () => {
    expect(intentSignalsOf([{ type: "created", actor: "import", at: T, data: {} }])).toEqual([{ kind: "captured", at: T, details: [] }]);
  });

  it("names every event type that produced a signal, so rescoring is scheduled for each", () => {
    const producing = new Set(history.filter((event) => intentSignalsOf([event]).length > 0).map((event) => event.type));
    expect([...producing].every((type) => SIGNAL_EVENT_TYPES.includes(type))).toBe(true);
    expect([...SIGNAL_EVENT_TYPES].sort()).toEqual([...producing].sort());
  });
});
