import { describe, expect, it } from "vitest";
import { replyWaitingAfter } from "./reply-waiting.js";
import type { Touch } from "./touch.js";

const touch = (overrides: Partial<Touch>): Touch => ({ channel: "email", direction: "in", outcome: null, durationSeconds: null, notes: null, isAutomated: false, ...overrides });
const EARLIER = 1_000;
const NOW = 5_000;

describe("replyWaitingAfter", () => {
  it.each(["email", "sms", "linkedin"] as const)("an inbound %s starts the wait, or keeps an earlier start", (channel) => {
    expect(replyWaitingAfter(touch({ channel }), null, NOW)).toBe(NOW);
    expect(replyWaitingAfter(touch({ channel }), EARLIER, NOW)).toBe(EARLIER);
  });

  it.each(["call", "meeting"] as const)("an inbound %s changes nothing", (channel) => {
    expect(replyWaitingAfter(touch({ channel }), null, NOW)).toBeNull();
    expect(replyWaitingAfter(touch({ channel }), EARLIER, NOW)).toBe(EARLIER);
  });

  it.each(["call", "email", "sms", "linkedin", "meeting"] as const)("an outbound %s by a person ends the wait", (channel) => {
    expect(replyWaitingAfter(touch({ channel, direction: "out" }), EARLIER, NOW)).toBeNull();
  });

  it("an automated message does not end the wait", () => {
    expect(replyWaitingAfter(touch({ direction: "out", isAutomated: true }), EARLIER, NOW)).toBe(EARLIER);
  });
});
