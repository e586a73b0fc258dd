import { describe, expect, it } from "vitest";
import { sequenceEventSummary } from "./sequence-event-summary.js";

describe("sequenceEventSummary", () => {
  it("says why a sequence paused or stopped, and what went out", () => {
    expect(sequenceEventSummary("enrolled", { sequenceName: "Inbound demo", via: "routing_rule" }, "UTC")).toBe("Inbound demo, by a routing rule.");
    expect(sequenceEventSummary("sequence_stopped", { reason: "replied" }, "UTC")).toBe("The lead replied.");
    expect(sequenceEventSummary("sequence_paused", { reason: "out_of_office", until: Date.UTC(2026, 2, 3, 9) }, "UTC")).toMatch(/^Out of office until .*2026/);
    expect(sequenceEventSummary("message_sent", { subject: "Quick question, Ada", to: "ada@analytical.example" }, "UTC")).toBe("“Quick question, Ada” to ada@analytical.example.");
    expect(sequenceEventSummary("sequence_task_due", { channel: "linkedin", instructions: "Connect with Ada" }, "UTC")).toBe("LinkedIn: Connect with Ada");
    expect(sequenceEventSummary("opted_out", { address: "ada@analytical.example", via: "one_click" }, "UTC")).toBe("ada@analytical.example, through the one-click link in their mail app. Permanent.");
  });
});
