import { describe, expect, it } from "vitest";
import { freshLeadPipeline, type LeadPipeline } from "../pipeline/lead-pipeline.js";
import { DEFAULT_PIPELINE } from "../pipeline/pipeline-config.js";
import { attentionReasons, type SlaClockState } from "./attention-reason.js";

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function state(overrides: Partial<LeadPipeline> = {}): LeadPipeline {
  return { ...freshLeadPipeline({ id: "lead_1", createdAt: T0 }), ...overrides };
}

const nextStep = (dueAt: number) => ({ action: "Call back", dueAt, ownerId: null, setAt: T0, status: "scheduled" as const });
const running: SlaClockState = { warnAt: T0 + 4 * MIN, dueAt: T0 + 5 * MIN, firstResponseAt: null };

const reasonsAt = (stage: string, pipeline: LeadPipeline, sla: SlaClockState | null, now: number) => attentionReasons({ stage }, pipeline, DEFAULT_PIPELINE, sla, now);
const codesAt = (stage: string, pipeline: LeadPipeline, sla: SlaClockState | null, now: number) => reasonsAt(stage, pipeline, sla, now).map((reason) => reason.code);

describe("attentionReasons", () => {
  it("a fresh lead in the first stage with no clock needs nothing", () => {
    expect(reasonsAt("new", state(), null, T0)).toEqual([]);
  });

  it("SLA at risk from the warning until the due instant, then breached after it", () => {
    expect(codesAt("new", state(), running, T0 + 4 * MIN - 1)).toEqual([]);
    expect(reasonsAt("new", state(), running, T0 + 4 * MIN)).toEqual([{ code: "sla_at_risk", detail: "First response due in 1 min" }]);
    expect(codesAt("new", state(), running, T0 + 5 * MIN)).toEqual(["sla_at_risk"]);
    expect(reasonsAt("new", state(), running, T0 + 25 * MIN)).toEqual([{ code: "sla_breached", detail: "SLA breached 20 min ago" }]);
  });

  it("a first response ends both SLA reasons, even a late one", () => {
    expect(codesAt("new", state(), { ...running, firstResponseAt: T0 + 30 * MIN }, T0 + 40 * MIN)).toEqual([]);
  });

  it("reply waiting while the lead's message is unanswered", () => {
    expect(reasonsAt("new", state({ replyWaitingSince: T0 }), null, T0 + 2 * HOUR + 5 * MIN)).toEqual([{ code: "reply_waiting", detail: "Reply waiting for 2 h" }]);
  });

  it("next step overdue once the grace after its due time has passed", () => {
    const pipeline = state({ nextStep: nextStep(T0) });
    const grace = DEFAULT_PIPELINE.nextStepOverdueAfterMinutes * MIN;
    expect(codesAt("contacted", pipeline, null, T0 + grace - 1)).toEqual([]);
    expect(reasonsAt("contacted", pipeline, null, T0 + grace)).toEqual([{ code: "next_step_overdue", detail: "Next step overdue by 1 h" }]);
    expect(reasonsAt("contacted", pipeline, null, T0 + 3 * HOUR)).toEqual([{ code: "next_step_overdue", detail: "Next step overdue by 3 h" }]);
  });

  it("no next step only past the first stage", () => {
    expect(codesAt("new", state(), null, T0)).toEqual([]);
    expect(reasonsAt("qualified", state(), null, T0)).toEqual([{ code: "no_next_step", detail: "No next step in Qualified" }]);
  });

  it("stalled once whole days in the stage exceed the stage's limit", () => {
    const pipeline = state({ nextStep: nextStep(T0 + 30 * DAY) });
    expect(codesAt("contacted", pipeline, null, T0 + 8 * DAY - 1)).toEqual([]);
    expect(reasonsAt("contacted", pipeline, null, T0 + 9 * DAY)).toEqual([{ code: "stalled", detail: "Stalled 9 days in Contacted (limit 7)" }]);
  });

  it("lists every reason that applies, most urgent first", () => {
    const pipeline = state({ replyWaitingSince: T0, nextStep: null, stageEnteredAt: T0 - 30 * DAY });
    expect(codesAt("qualified", pipeline, running, T0 + HOUR)).toEqual(["sla_breached", "reply_waiting", "no_next_step", "stalled"]);
  });

  it("a won, lost or disqualified lead needs nothing", () => {
    const neglected = state({ replyWaitingSince: T0, stageEnteredAt: T0 - 30 * DAY });
    expect(codesAt("won", neglected, running, T0 + HOUR)).toEqual([]);
    expect(codesAt("lost", neglected, running, T0 + HOUR)).toEqual([]);
    expect(codesAt("qualified", { ...neglected, qualificationStatus: "disqualified", closedAt: T0 }, running, T0 + HOUR)).toEqual([]);
  });

  it("a stage the pipeline no longer defines counts as open and past the first stage, without a stall limit", () => {
    expect(reasonsAt("legacy", state({ stageEnteredAt: T0 - 365 * DAY }), null, T0)).toEqual([{ code: "no_next_step", detail: "No next step in legacy" }]);
  });
});
