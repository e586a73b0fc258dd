import { describe, expect, it } from "vitest";
import { refusedField } from "../../../test/support/domain-failure.js";
import { DEFAULT_PIPELINE } from "../pipeline/pipeline-config.js";
import { checkQualificationInput, type QualificationInput } from "./qualification-answer.js";

const criteria = DEFAULT_PIPELINE.qualificationCriteria;
const long = "x".repeat(2001);

const fieldOf = (input: QualificationInput) => refusedField(() => checkQualificationInput(criteria, input));

describe("checkQualificationInput", () => {
  it("trims notes and cost of inaction, blank becoming null, and leaves an absent cost of inaction alone", () => {
    expect(checkQualificationInput(criteria, { answers: [{ criterion: "budget", answer: "yes", notes: "  40k approved  " }, { criterion: "need", answer: "unknown", notes: "   " }] })).toEqual({
      answers: [
        { criterion: "budget", answer: "yes", notes: "40k approved" },
        { criterion: "need", answer: "unknown", notes: null },
      ],
      costOfInaction: undefined,
    });
    expect(checkQualificationInput(criteria, { costOfInaction: " Losing 3 deals a month " })).toEqual({ answers: [], costOfInaction: "Losing 3 deals a month" });
    expect(checkQualificationInput(criteria, { costOfInaction: null })).toEqual({ answers: [], costOfInaction: null });
  });

  it.each([
    ["an unknown criterion", { answers: [{ criterion: "budget", answer: "yes" }, { criterion: "champion", answer: "yes" }] }, "answers.1.criterion"],
    ["a criterion answered twice", { answers: [{ criterion: "budget", answer: "yes" }, { criterion: "budget", answer: "no" }] }, "answers.1.criterion"],
    ["an unknown answer", { answers: [{ criterion: "budget", answer: "maybe" }] }, "answers.0.answer"],
    ["notes over 2000 characters", { answers: [{ criterion: "need", answer: "no", notes: long }] }, "answers.0.notes"],
    ["cost of inaction over 2000 characters", { costOfInaction: long }, "costOfInaction"],
    ["nothing to change", {}, "answers"],
  ] as const)("refuses %s, naming %s", (_name, input, field) => {
    expect(fieldOf(input as QualificationInput)).toBe(field);
  });

  it("accepts exactly 2000 characters", () => {
    expect(fieldOf({ answers: [{ criterion: "need", answer: "no", notes: "x".repeat(2000) }], costOfInaction: "y".repeat(2000) })).toBeUndefined();
  });
});
