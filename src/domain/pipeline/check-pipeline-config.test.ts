import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { refusedField } from "../../../test/support/domain-failure.js";
import { checkPipelineConfig } from "./check-pipeline-config.js";
import { DEFAULT_PIPELINE, type PipelineConfig, type StageDefinition } from "./pipeline-config.js";

const stages = DEFAULT_PIPELINE.stages;
const [newStage, contacted, qualified, proposal, won, lost] = stages as [StageDefinition, StageDefinition, StageDefinition, StageDefinition, StageDefinition, StageDefinition];

const withStages = (...list: StageDefinition[]): PipelineConfig => ({ ...DEFAULT_PIPELINE, stages: list });
const withStage = (index: number, changes: Partial<StageDefinition>): PipelineConfig => withStages(...stages.map((stage, i) => (i === index ? { ...stage, ...changes } : stage)));

const fieldOf = (config: PipelineConfig) => refusedField(() => checkPipelineConfig(config), "invalid");

describe("checkPipelineConfig", () => {
  it("accepts the default pipeline", () => {
    expect(fieldOf(DEFAULT_PIPELINE)).toBeUndefined();
  });

  it.each<[string, PipelineConfig, string]>([
    ["no stages", withStages(), "stages"],
    ["a first stage that is not new", withStages(contacted, won, lost), "stages.0.key"],
    ["a first stage mapped past new", withStage(0, { milestone: "contacted" }), "stages.0.milestone"],
    ["a key used twice", withStage(2, { key: "contacted" }), "stages.2.key"],
    ["a key with capitals", withStage(1, { key: "Contacted" }), "stages.1.key"],
    ["a key starting with a digit", withStage(1, { key: "1st_call" }), "stages.1.key"],
    ["a key too long", withStage(1, { key: "a".repeat(51) }), "stages.1.key"],
    ["a blank name", withStage(1, { name: "  " }), "stages.1.name"],
    ["a blank talking point", withStage(0, { talkingPoints: ["Hello", " "] }), "stages.0.talkingPoints.1"],
    ["a checklist key used twice", withStage(1, { exitChecklist: [{ key: "a", label: "A" }, { key: "a", label: "B" }] }), "stages.1.exitChecklist.1.key"],
    ["a blank checklist label", withStage(1, { exitChecklist: [{ key: "a", label: "" }] }), "stages.1.exitChecklist.0.label"],
    ["an open stage after a closed one", withStages(newStage, contacted, won, qualified, lost), "stages.3.milestone"],
    ["milestones going back", withStages(newStage, qualified, contacted, won, lost), "stages.2.milestone"],
    ["two won stages", withStages(newStage, contacted, won, { ...won, key: "won_again" }, lost), "stages.3.milestone"],
    ["no won stage", withStages(newStage, contacted, lost), "stages"],
    ["no lost stage", withStages(newStage, contacted, won), "stages"],
    ["a won stage with an exit checklist", withStage(4, { exitChecklist: [{ key: "invoice", label: "Invoice sent" }] }), "stages.4.exitChecklist"],
    ["a lost stage that stalls", withStage(5, { maxDaysInStage: 30 }), "stages.5.maxDaysInStage"],
    ["no qualification criteria", { ...DEFAULT_PIPELINE, qualificationCriteria: [] }, "qualificationCriteria"],
    ["a blank question", { ...DEFAULT_PIPELINE, qualificationCriteria: [{ key: "budget", label: "Budget", question: " " }] }, "qualificationCriteria.0.question"],
    ["no disqualification reasons", { ...DEFAULT_PIPELINE, disqualificationReasons: [] }, "disqualificationReasons"],
    ["a lost reason used twice", { ...DEFAULT_PIPELINE, lostReasons: [{ key: "price", label: "Price", requiresNote: false }, { key: "price", label: "Cost", requiresNote: false }] }, "lostReasons.1.key"],
    ["a blank lost reason label", { ...DEFAULT_PIPELINE, lostReasons: [{ key: "price", label: "", requiresNote: false }] }, "lostReasons.0.label"],
    ["negative overdue minutes", { ...DEFAULT_PIPELINE, nextStepOverdueAfterMinutes: -1 }, "nextStepOverdueAfterMinutes"],
    ["fractional overdue minutes", { ...DEFAULT_PIPELINE, nextStepOverdueAfterMinutes: 1.5 }, "nextStepOverdueAfterMinutes"],
    ["a tolerance that is not a number", { ...DEFAULT_PIPELINE, expectationTolerancePercent: Number.NaN }, "expectationTolerancePercent"],
    ["a tolerance too large", { ...DEFAULT_PIPELINE, expectationTolerancePercent: 1001 }, "expectationTolerancePercent"],
  ])("refuses %s, naming the field", (_case, config, field) => {
    expect(fieldOf(config)).toBe(field);
  });

  it("accepts several open stages on one milestone, and the closed stages in either order", () => {
    const demo: StageDefinition = { ...qualified, key: "demo", name: "Demo" };
    expect(fieldOf(withStages(newStage, contacted, qualified, demo, proposal, lost, won))).toBeUndefined();
  });

  it("accepts any choice of open stages between new and the closed stages, in order", () => {
    const middle = [contacted, qualified, proposal];
    fc.assert(
      fc.property(fc.subarray(middle), (kept) => {
        expect(fieldOf(withStages(newStage, ...kept, won, lost))).toBeUndefined();
      }),
    );
  });

  it("refuses any pipeline where an open stage follows a closed one", () => {
    const open = [contacted, qualified, proposal];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), fc.constantFrom(won, lost), (openIndex, closed) => {
        const other = closed === won ? lost : won;
        expect(fieldOf(withStages(newStage, closed, open[openIndex]!, other))).toBe("stages.2.milestone");
      }),
    );
  });
});
