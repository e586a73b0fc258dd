import { describe, expect, it } from "vitest";
import { freshLeadPipeline } from "../pipeline/lead-pipeline.js";
import { DEFAULT_PIPELINE } from "../pipeline/pipeline-config.js";
import { qualificationOf } from "./qualification.js";

const state = freshLeadPipeline({ id: "lead_1", createdAt: 1_000 });

describe("qualificationOf", () => {
  it("lists every configured criterion in order, answered or not", () => {
    const view = qualificationOf(DEFAULT_PIPELINE, { ...state, qualificationStatus: "in_progress", costOfInaction: "Churn" }, [
      { criterion: "need", answer: "yes", notes: "CRM sprawl", answeredBy: "user:u1", answeredAt: 2_000 },
      { criterion: "retired", answer: "yes", notes: null, answeredBy: "user:u1", answeredAt: 2_000 },
    ]);
    expect(view.status).toBe("in_progress");
    expect(view.costOfInaction).toBe("Churn");
    expect(view.answers.map((a) => [a.criterion, a.answer, a.answeredBy])).toEqual([
      ["budget", null, null],
      ["authority", null, null],
      ["need", "yes", "user:u1"],
      ["timeline", null, null],
    ]);
    expect(view.answers[2]).toMatchObject({ label: "Need / fit", notes: "CRM sprawl", answeredAt: 2_000 });
    expect(view.disqualification).toBeNull();
  });

  it("shows a disqualification with its label, note and when", () => {
    const disqualified = { ...state, qualificationStatus: "disqualified" as const, disqualificationReason: "other", disqualificationNote: "Reseller", closedAt: 5_000 };
    expect(qualificationOf(DEFAULT_PIPELINE, disqualified, []).disqualification).toEqual({ reason: "other", label: "Other", note: "Reseller", at: 5_000 });
  });
});
