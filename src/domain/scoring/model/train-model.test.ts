import { beforeAll, describe, expect, it } from "vitest";
import { SYNTHETIC_WEIGHTS, type SyntheticClosedLeads, syntheticClosedLeads } from "../../../../test/support/synthetic-closed-leads.js";
import { refusalOf } from "../../../../test/support/domain-failure.js";
import { areaUnderCurve } from "./model-metrics.js";
import { type ModelReport, type TrainedModel, crossValidationShortfall, modelOpinionOf, trainModel } from "./train-model.js";

describe("trainModel on leads drawn from a known model", () => {
  let data: SyntheticClosedLeads;
  let model: TrainedModel;
  let report: ModelReport;
  beforeAll(() => {
    data = syntheticClosedLeads(20_000, 42);
    ({ model, report } = trainModel(data.records, data.outcomes));
  });

  const weightOf = (feature: string) => model.weights[model.featureNames.indexOf(feature)]!;

  it("recovers the generating weights with the right signs and in the right order of strength", () => {
    const features = Object.keys(SYNTHETIC_WEIGHTS).filter((key) => key !== "intercept") as (keyof typeof SYNTHETIC_WEIGHTS)[];
    for (const feature of features) expect(Math.sign(weightOf(feature)), feature).toBe(Math.sign(SYNTHETIC_WEIGHTS[feature]));
    const byStrength = (strength: (feature: keyof typeof SYNTHETIC_WEIGHTS) => number) => [...features].sort((a, b) => strength(b) - strength(a));
    expect(byStrength((feature) => Math.abs(weightOf(feature)))).toEqual(byStrength((feature) => Math.abs(SYNTHETIC_WEIGHTS[feature])));
  });

  it("ranks as well as the generating model, within 0.02 of its AUC, cross-validated", () => {
    const generatingAuc = areaUnderCurve(data.probabilities, data.outcomes);
    expect(report.auc).toBeGreaterThan(generatingAuc - 0.02);
    expect(report.auc).toBeLessThan(generatingAuc + 0.02);
  });

  it("is calibrated: expected calibration error at most 0.05", () => {
    expect(report.expectedCalibrationError).toBeLessThanOrEqual(0.05);
    expect(report.brier).toBeLessThan(0.25);
    expect(report.reliability.reduce((sum, bin) => sum + bin.count, 0)).toBe(20_000);
  });

  it("skips the identifier-like, free-text and constant columns and says why", () => {
    expect(report.skipped.map((skipped) => skipped.column)).toEqual(["Lead ID", "Email", "Notes", "Channel"]);
    expect(model.featureNames.some((name) => /Lead ID|Email|Notes|Channel/.test(name))).toBe(false);
  });

  it("reports the counts and the signals in words, strongest first", () => {
    expect(report).toMatchObject({ folds: 5, closed: 20_000, wins: data.outcomes.filter(Boolean).length });
    expect(report.signals[0]).toEqual({ feature: "Source is Referral", weight: weightOf("Source is Referral"), words: expect.stringMatching(/^Source is Referral \(rather than Website\): raises the odds of winning ×4\.\d$/) });
    expect(report.signals.find((signal) => signal.feature === "Employees")?.words).toMatch(/^Employees \(per \+1 sd = 80\.\d\): raises the odds of winning ×2\.\d$/);
  });

  it("gives the same model after a JSON round trip", () => {
    const stored = JSON.parse(JSON.stringify(model)) as TrainedModel;
    const lead = data.records[7]!;
    expect(modelOpinionOf(stored, lead)).toEqual(modelOpinionOf(model, lead));
  });

  it("explains one lead's probability by column, largest first", () => {
    const opinion = modelOpinionOf(model, { Employees: "280", Source: "Referral", "Budget confirmed": "", Region: "North", "Days to first response": "5" });
    expect(opinion.probability).toBeGreaterThan(0.5);
    expect(opinion.contributions[0]).toEqual({ feature: "Source", points: weightOf("Source is Referral"), words: expect.stringMatching(/^Source is Referral: raises the odds of winning ×4\.\d$/) });
    expect(opinion.contributions.find((contribution) => contribution.feature === "Employees")?.words).toMatch(/^Employees is 280 \(average \d{3}\): raises the odds of winning ×\d/);
    expect(opinion.contributions.map((contribution) => Math.abs(contribution.points))).toEqual(opinion.contributions.map((contribution) => Math.abs(contribution.points)).sort((a, b) => b - a));
    const logOdds = model.intercept + opinion.contributions.reduce((sum, contribution) => sum + contribution.points, 0);
    expect(opinion.probability).toBeCloseTo(1 / (1 + Math.exp(-logOdds)), 12);
  });
});

describe("trainModel input checks", () => {
  const records = Array.from({ length: 30 }, (_, i) => ({ size: i }));

  it("refuses outcomes that cannot be cross-validated, naming outcomes", () => {
    const refusal = { code: "invalid", field: "outcomes" };
    expect(refusalOf(() => trainModel(records, records.map(() => true)))).toEqual(refusal);
    expect(refusalOf(() => trainModel(records, records.map((_, i) => i < 9)))).toEqual(refusal);
    expect(refusalOf(() => trainModel(records, [true, false]))).toEqual(refusal);
  });

  it("says what is short", () => {
    expect(crossValidationShortfall(0, 0, 5)).toBe("there are no rows to learn from");
    expect(crossValidationShortfall(0, 50, 5)).toBe("every row is a loss; the model needs both wins and losses");
    expect(crossValidationShortfall(9, 50, 5)).toBe("too few rows: cross-validating in 5 folds needs at least 10 wins and 10 losses; there are 9 wins and 50 losses");
    expect(crossValidationShortfall(10, 10, 5)).toBeNull();
  });
});
