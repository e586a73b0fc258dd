import type { Playbook } from "../scoring/playbook.js";
import { demoIdFor } from "./demo-id.js";
import type { DemoSequenceSet } from "./demo-sequence-set.js";
import { streamFor } from "./seeded-random.js";

/**
 * The demo's playbooks, one per intent level for leads from any source, as a manager would have
 * set them up with the sequences: high intent gets the fastest SLA policy (null: none) and the
 * "Demo request" sequence, as the demo's reps treat demo requests; medium the 4-step follow-up;
 * low the monthly nurture. Ids from the seed.
 */
export function demoPlaybooksOf(seed: number, createdAt: number, sequences: DemoSequenceSet, fastestSlaPolicyId: string | null): Playbook[] {
  const playbook = (fields: Pick<Playbook, "name" | "intentLevel" | "slaPolicyId" | "sequenceId" | "stageGuidance">): Playbook => ({
    id: demoIdFor("playbook", createdAt, streamFor(seed, "playbook", fields.intentLevel)),
    ...fields,
    source: null,
    createdAt,
    updatedAt: createdAt,
  });
  return [
    playbook({ name: "High intent: book the demo", intentLevel: "high", slaPolicyId: fastestSlaPolicyId, sequenceId: sequences.demoRequest.id, stageGuidance: "Call within 5 minutes and book the demo." }),
    playbook({ name: "Medium intent: qualify", intentLevel: "medium", slaPolicyId: null, sequenceId: sequences.followUp.id, stageGuidance: "Qualify: budget, authority, timeline." }),
    playbook({ name: "Low intent: nurture", intentLevel: "low", slaPolicyId: null, sequenceId: sequences.nurture.id, stageGuidance: "Educate; do not push for a meeting." }),
  ];
}
