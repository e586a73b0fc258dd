import { describe, expect, it } from "vitest";
import { checkPlaybookInput } from "../scoring/playbook.js";
import { demoPlaybooksOf } from "./demo-playbooks.js";
import { demoSequencesOf } from "./demo-sequence-set.js";

const CREATED_AT = Date.UTC(2026, 2, 2, 9, 0);

describe("demoPlaybooksOf", () => {
  const sequences = demoSequencesOf(3, CREATED_AT);

  it("gives each intent level a playbook for any source: high on the fastest SLA with the demo request sequence, medium the follow-up, low the nurture", () => {
    const playbooks = demoPlaybooksOf(3, CREATED_AT, sequences, "sla_fast");
    expect(playbooks.map(({ intentLevel, source, slaPolicyId, sequenceId }) => [intentLevel, source, slaPolicyId, sequenceId])).toEqual([
      ["high", null, "sla_fast", sequences.demoRequest.id],
      ["medium", null, null, sequences.followUp.id],
      ["low", null, null, sequences.nurture.id],
    ]);
    expect(playbooks.map((playbook) => playbook.stageGuidance)).toEqual(["Call within 5 minutes and book the demo.", "Qualify: budget, authority, timeline.", "Educate; do not push for a meeting."]);
    expect(demoPlaybooksOf(3, CREATED_AT, sequences, null)[0]!.slaPolicyId).toBeNull();
  });

  it("writes playbooks a manager could have saved, with distinct ids from the seed", () => {
    const playbooks = demoPlaybooksOf(3, CREATED_AT, sequences, null);
    for (const playbook of playbooks) {
      const { name, intentLevel, source, slaPolicyId, sequenceId, stageGuidance } = playbook;
      expect(checkPlaybookInput({ name, intentLevel, source, slaPolicyId, sequenceId, stageGuidance })).toEqual({ name, intentLevel, source, slaPolicyId, sequenceId, stageGuidance });
      expect(playbook).toMatchObject({ id: expect.stringMatching(/^playbook_/), createdAt: CREATED_AT, updatedAt: CREATED_AT });
    }
    expect(new Set(playbooks.map((playbook) => playbook.id)).size).toBe(3);
    expect(demoPlaybooksOf(3, CREATED_AT, sequences, null)).toEqual(playbooks);
    expect(demoPlaybooksOf(4, CREATED_AT, sequences, null)[0]!.id).not.toBe(playbooks[0]!.id);
  });
});
