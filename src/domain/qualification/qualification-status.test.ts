import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_PIPELINE } from "../pipeline/pipeline-config.js";
import { ANSWER_VALUES, type AnswerValue } from "./qualification-answer.js";
import { qualificationStatusOf } from "./qualification-status.js";

const criteria = DEFAULT_PIPELINE.qualificationCriteria;

describe("qualificationStatusOf", () => {
  it.each([
    ["nothing answered", [], "unqualified"],
    ["one yes", [["budget", "yes"]], "in_progress"],
    ["one unknown", [["need", "unknown"]], "in_progress"],
    ["three yes, one missing", [["budget", "yes"], ["authority", "yes"], ["need", "yes"]], "in_progress"],
    ["all yes but one no", [["budget", "yes"], ["authority", "yes"], ["need", "yes"], ["timeline", "no"]], "in_progress"],
    ["every criterion yes", [["budget", "yes"], ["authority", "yes"], ["need", "yes"], ["timeline", "yes"]], "qualified"],
    ["only a criterion no longer configured", [["champion", "yes"]], "unqualified"],
  ] as const)("%s → %s", (_name, pairs, status) => {
    expect(qualificationStatusOf(criteria, pairs.map(([criterion, answer]: readonly [string, AnswerValue]) => ({ criterion, answer })))).toBe(status);
  });

  it("is qualified exactly when every configured criterion is answered yes", () => {
    const someAnswers = fc.uniqueArray(fc.record({ criterion: fc.constantFrom("budget", "authority", "need", "timeline", "retired"), answer: fc.constantFrom(...ANSWER_VALUES) }), { selector: (a) => a.criterion });
    fc.assert(
      fc.property(someAnswers, (answers) => {
        const allYes = criteria.every((c) => answers.some((a) => a.criterion === c.key && a.answer === "yes"));
        expect(qualificationStatusOf(criteria, answers) === "qualified").toBe(allYes);
      }),
    );
  });
});
