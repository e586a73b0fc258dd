import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PIPELINE } from "../pipeline/pipeline-config.js";
import { type DemoPipeline, demoPipelineOf } from "./demo-pipeline.js";
import { type DemoHistory, generateDemoHistory } from "./generate-demo-history.js";
import { streamFor } from "./seeded-random.js";

const END_AT = Date.UTC(2026, 2, 2, 9, 0);

describe("demoPipelineOf", () => {
  let history: DemoHistory;
  let pipelines: DemoPipeline[];
  beforeAll(() => {
    history = generateDemoHistory({ seed: 7, endAt: END_AT, days: 90, leadsPerDay: 30 });
    pipelines = history.leads.map((lead, index) => demoPipelineOf(lead, DEFAULT_PIPELINE, END_AT, streamFor(7, "next-step", index)));
  });
  const withPlan = () => history.leads.map((demo, index) => ({ ...demo, pipeline: pipelines[index]! }));

  it("is deterministic for a seed", () => {
    const again = history.leads.map((lead, index) => demoPipelineOf(lead, DEFAULT_PIPELINE, END_AT, streamFor(7, "next-step", index)));
    expect(again).toEqual(pipelines);
  });

  it("writes one event per touch and stage change, in time order, before the end of the history", () => {
    for (const { plan, pipeline } of withPlan()) {
      const types = pipeline.events.map((e) => e.type);
      expect(types.filter((t) => t === "touch")).toHaveLength(plan.touches.length);
      expect(types.filter((t) => t === "stage_changed")).toHaveLength(plan.stageChanges.length);
      const times = pipeline.events.map((e) => e.at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times.every((at) => at < END_AT)).toBe(true);
    }
  });

  it("chains stage changes from the first stage to the lead's stage", () => {
    for (const { lead, pipeline } of withPlan()) {
      const moves = pipeline.events.filter((e) => e.type === "stage_changed").map((e) => e.data as { from: string; to: string });
      moves.forEach((move, i) => expect(move.from).toBe(i === 0 ? "new" : moves[i - 1]!.to));
      expect(moves.at(-1)?.to ?? "new").toBe(lead.stage);
    }
  });

  it("records outcomes with listed reasons and closes the state", () => {
    const lostKeys = DEFAULT_PIPELINE.lostReasons.map((r) => r.key);
    const disqualifiedKeys = DEFAULT_PIPELINE.disqualificationReasons.map((r) => r.key);
    for (const { plan, pipeline } of withPlan()) {
      const { outcome } = plan;
      if (outcome.kind === "open") {
        expect(pipeline.state?.closedAt ?? null).toBeNull();
        continue;
      }
      const closing = pipeline.events.find((e) => e.type === outcome.kind)!;
      expect(closing.at).toBe(outcome.at);
      expect(pipeline.state).toMatchObject({ closedAt: outcome.at, nextStep: null });
      if (outcome.kind === "won") expect(pipeline.state!.valueCents).toBe(outcome.amount * 100);
      if (outcome.kind === "lost") expect(lostKeys).toContain(closing.data.reason);
      if (outcome.kind === "disqualified") expect(disqualifiedKeys).toContain(closing.data.reason);
    }
  });

  it("gives most open leads past the first stage a next step, some of them overdue", () => {
    const open = withPlan().filter(({ plan }) => plan.outcome.kind === "open" && plan.stage !== "new");
    const steps = open.map(({ pipeline }) => pipeline.state?.nextStep ?? null);
    const share = steps.filter(Boolean).length / open.length;
    expect(share).toBeGreaterThan(0.75);
    expect(share).toBeLessThan(0.95);
    expect(steps.some((step) => step?.status === "overdue")).toBe(true);
    expect(steps.some((step) => step?.status === "scheduled")).toBe(true);
    expect(steps.every((step) => step === null || step.status !== "overdue" || step.dueAt < END_AT)).toBe(true);
  });
});
