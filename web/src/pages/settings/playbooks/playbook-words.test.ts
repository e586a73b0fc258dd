import { describe, expect, it } from "vitest";
import type { Playbook } from "../../../api/playbooks.js";
import { playbookSummary } from "./playbook-words.js";

const playbook = (change: Partial<Playbook>): Playbook => ({
  id: "pb_1",
  name: "Hot hand-raisers",
  intentLevel: "high",
  source: null,
  slaPolicyId: null,
  sequenceId: null,
  stageGuidance: null,
  createdAt: "2026-03-02T09:00:00.000Z",
  updatedAt: "2026-03-02T09:00:00.000Z",
  ...change,
});

describe("playbookSummary", () => {
  const policies = [{ id: "sla_fast", name: "Fast lane" }];
  const sequences = [{ id: "seq_demo", name: "Demo follow-up" }];

  it("names the intent level, source, SLA policy and sequence", () => {
    expect(playbookSummary(playbook({ source: "webinar", slaPolicyId: "sla_fast", sequenceId: "seq_demo" }), policies, sequences)).toBe("High intent · source webinar · SLA “Fast lane” · enrols in “Demo follow-up”");
  });

  it("says what it leaves alone, and when a picked policy or sequence is gone", () => {
    expect(playbookSummary(playbook({ intentLevel: "low" }), policies, sequences)).toBe("Low intent · any source · SLA unchanged · no sequence");
    expect(playbookSummary(playbook({ sequenceId: "seq_gone" }), policies, sequences)).toContain("enrols in “a deleted one”");
  });
});
