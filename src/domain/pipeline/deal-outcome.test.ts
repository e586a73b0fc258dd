import { describe, expect, it } from "vitest";
import { dealOutcome } from "./deal-outcome.js";
import { freshLeadPipeline, type LeadPipeline } from "./lead-pipeline.js";
import { DEFAULT_PIPELINE } from "./pipeline-config.js";

const state = (changes: Partial<LeadPipeline>): LeadPipeline => ({ ...freshLeadPipeline({ id: "lead_1", createdAt: 0 }), ...changes });

describe("dealOutcome", () => {
  it("is null while the lead is open", () => {
    expect(dealOutcome({ milestone: "proposal" }, state({ valueCents: 100 }), DEFAULT_PIPELINE)).toBeNull();
  });

  it("won carries the won amount", () => {
    expect(dealOutcome({ milestone: "won" }, state({ valueCents: 1_250_050, closedAt: 5 }), DEFAULT_PIPELINE)).toEqual({ kind: "won", amountCents: 1_250_050 });
  });

  it("lost carries the reason, its configured label and the note", () => {
    expect(dealOutcome({ milestone: "lost" }, state({ lostReason: "other", lostNote: "Merged with a client", closedAt: 5 }), DEFAULT_PIPELINE)).toEqual({
      kind: "lost",
      reason: "other",
      label: "Other",
      note: "Merged with a client",
    });
  });

  it("disqualified wins over the stage, and a reason no longer listed keeps its key as label", () => {
    const disqualified = state({ qualificationStatus: "disqualified", disqualificationReason: "reseller", closedAt: 5 });
    expect(dealOutcome({ milestone: "qualified" }, disqualified, DEFAULT_PIPELINE)).toEqual({ kind: "disqualified", reason: "reseller", label: "reseller", note: null });
  });

  it("a lead closed without a recorded reason says so with nulls", () => {
    expect(dealOutcome({ milestone: "lost" }, state({ closedAt: 5 }), DEFAULT_PIPELINE)).toEqual({ kind: "lost", reason: null, label: null, note: null });
  });
});
