import { describe, expect, it } from "vitest";
import { DEFAULT_PIPELINE } from "../../../../../src/domain/pipeline/pipeline-config.js";
import { errorAt, errorWithin, fieldPlace, stageIndexOf } from "./config-field.js";
import { addStage, completeConfig, keyFromLabel, moveItem } from "./pipeline-draft.js";

describe("keyFromLabel", () => {
  it("makes a lowercase snake-case key, unique among the taken ones", () => {
    expect(keyFromLabel("Decision maker met!", [])).toBe("decision_maker_met");
    expect(keyFromLabel("Budget", ["budget", "budget_2"])).toBe("budget_3");
    expect(keyFromLabel("Café crème", [])).toBe("cafe_creme");
    expect(keyFromLabel("???", [], "reason")).toBe("reason");
    expect(keyFromLabel("2nd call", [])).toBe("item_2nd_call");
  });
});

describe("completeConfig", () => {
  it("derives keys for new rows only and drops blank talking points", () => {
    const draft = structuredClone(DEFAULT_PIPELINE);
    draft.stages[1]!.exitChecklist.push({ key: "", label: "Pain confirmed" });
    draft.stages[1]!.talkingPoints = ["Ask about the pain", "  ", ""];
    draft.lostReasons.push({ key: "", label: "Price", requiresNote: false });
    const { stages } = addStage(draft.stages);
    stages[4]!.name = "Negotiation";
    const complete = completeConfig({ ...draft, stages });
    expect(complete.stages.map((stage) => stage.key)).toEqual(["new", "contacted", "qualified", "proposal", "negotiation", "won", "lost"]);
    expect(complete.stages[1]!.exitChecklist.map((item) => item.key)).toEqual(["conversation_held", "discovery_booked", "pain_confirmed"]);
    expect(complete.stages[1]!.talkingPoints).toEqual(["Ask about the pain"]);
    expect(complete.lostReasons.at(-1)!.key).toBe("price_2");
  });
});

describe("addStage", () => {
  it("puts the new open stage before won and lost, with the milestone of the stage before it", () => {
    const { stages, index } = addStage(DEFAULT_PIPELINE.stages);
    expect(index).toBe(4);
    expect(stages.map((stage) => stage.milestone)).toEqual(["new", "contacted", "qualified", "proposal", "proposal", "won", "lost"]);
  });
});

describe("moveItem", () => {
  it("swaps with the neighbour and stays put at the ends", () => {
    expect(moveItem(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });
});

describe("fieldPlace", () => {
  it("names a field path the way the settings screen shows it", () => {
    expect(fieldPlace(DEFAULT_PIPELINE, "stages.2.exitChecklist.0.label")).toBe("Stage 3 (Qualified) › exit checklist item 1 › label");
    expect(fieldPlace(DEFAULT_PIPELINE, "stages.4.milestone")).toBe("Stage 5 (Won) › milestone");
    expect(fieldPlace(DEFAULT_PIPELINE, "lostReasons.6.key")).toBe("Lost reason 7 › key");
    expect(fieldPlace(DEFAULT_PIPELINE, "nextStepOverdueAfterMinutes")).toBe("Next step overdue after (minutes)");
    expect(fieldPlace(DEFAULT_PIPELINE, "stages")).toBe("Stages");
  });
});

describe("errorAt and stageIndexOf", () => {
  const problem = { field: "stages.3.name", detail: "stages.3.name: must not be empty" };

  it("shows the detail without its path beside exactly that field", () => {
    expect(errorAt(problem, "stages.3.name")).toBe("must not be empty");
    expect(errorAt(problem, "stages.3")).toBeUndefined();
    expect(errorWithin(problem, "stages.3")).toBe("must not be empty");
    expect(errorWithin(problem, "stages.30")).toBeUndefined();
  });

  it("finds the stage a problem is about", () => {
    expect(stageIndexOf(problem)).toBe(3);
    expect(stageIndexOf({ field: "stages", detail: "x" })).toBeNull();
    expect(stageIndexOf(null)).toBeNull();
  });
});
