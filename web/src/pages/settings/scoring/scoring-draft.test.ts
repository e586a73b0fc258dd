import { describe, expect, it } from "vitest";
import { DEFAULT_SCORING_CONFIG } from "../../../../../src/domain/scoring/scoring-config.js";
import { blankFitRule, blankIntentRule, configOfDraft, draftOf, numberOfText, scoringFieldPlace } from "./scoring-draft.js";

describe("draftOf and configOfDraft", () => {
  it("give back the saved rules unchanged", () => {
    expect(configOfDraft(draftOf(DEFAULT_SCORING_CONFIG))).toEqual(DEFAULT_SCORING_CONFIG);
  });

  it("shows the shares as percentages and lists as comma-separated text", () => {
    const draft = draftOf({ ...DEFAULT_SCORING_CONFIG, fitShare: 0.35, modelWeight: 0.125 });
    expect(draft.fitSharePercent).toBe("35");
    expect(draft.modelWeightPercent).toBe("12.5");
    expect(draft.fitRules.at(-1)!.condition.text).toBe("gmail.com, yahoo.com, hotmail.com, outlook.com, icloud.com");
    expect(draft.intentRules.find((rule) => rule.id === "page_view")!.match).toBe("");
  });

  it("types what was typed: numbers, a blank match as any, comparisons as numbers", () => {
    const draft = draftOf(DEFAULT_SCORING_CONFIG);
    draft.fitRules[0]!.points = "-5";
    draft.fitRules[2]!.condition.text = "200";
    draft.intentRules[0]!.match = "  ";
    draft.fitSharePercent = "40";
    const config = configOfDraft(draft);
    expect(config.fitRules[0]!.points).toBe(-5);
    expect(config.fitRules[2]!.condition).toEqual({ field: "custom.employees", operator: "gte", value: 200 });
    expect(config.intentRules[0]!.match).toBeNull();
    expect(config.fitShare).toBe(0.4);
  });

  it("sends an empty box as null, for the API to refuse beside it", () => {
    const draft = draftOf(DEFAULT_SCORING_CONFIG);
    draft.intentRules[1]!.halfLifeDays = "";
    const sent = JSON.parse(JSON.stringify(configOfDraft(draft))) as { intentRules: { halfLifeDays: unknown }[] };
    expect(sent.intentRules[1]!.halfLifeDays).toBeNull();
    expect(numberOfText(" 12 ")).toBe(12);
    expect(numberOfText("abc")).toBeNaN();
  });

  it("gives new rules ids from their labels, unique across both lists", () => {
    const draft = draftOf(DEFAULT_SCORING_CONFIG);
    draft.fitRules.push({ ...blankFitRule(), label: "Replied" });
    draft.intentRules.push({ ...blankIntentRule(), label: "Visited the website" }, { ...blankIntentRule(), label: "" });
    const config = configOfDraft(draft);
    expect(config.fitRules.at(-1)!.id).toBe("replied_2");
    expect(config.intentRules.slice(-2).map((rule) => rule.id)).toEqual(["visited_the_website", "rule"]);
    expect(config.intentRules[0]!.id).toBe("asked_for_demo");
  });
});

describe("scoringFieldPlace", () => {
  const draft = draftOf(DEFAULT_SCORING_CONFIG);

  it("names the rule by number and label, and the box in the editor's words", () => {
    expect(scoringFieldPlace(draft, "fitRules.0.condition.value")).toBe("Fit rule 1 (Senior title) › value");
    expect(scoringFieldPlace(draft, "intentRules.2.halfLifeDays")).toBe("Intent rule 3 (Visited the pricing page) › half-life (days)");
    expect(scoringFieldPlace(draft, "intentRules.40.points")).toBe("Intent rule 41 › points");
  });

  it("names the other boxes by their captions", () => {
    expect(scoringFieldPlace(draft, "buckets.warm")).toBe("Buckets › warm from");
    expect(scoringFieldPlace(draft, "fitShare")).toBe("Fit share");
    expect(scoringFieldPlace(draft, "somethingNew")).toBe("somethingNew");
  });
});
