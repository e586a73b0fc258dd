import type { Playbook } from "../../../api/playbooks.js";
import { INTENT_LEVEL_LABELS } from "../../../format/format-score.js";

type Named = { id: string; name: string };

const nameOf = (items: readonly Named[], id: string) => items.find((item) => item.id === id)?.name ?? "a deleted one";

/** "High intent · source webinar · SLA “Fast lane” · enrols in “Demo follow-up”": what the playbook does, in one line. */
export function playbookSummary(playbook: Playbook, policies: readonly Named[], sequences: readonly Named[]): string {
  return [
    INTENT_LEVEL_LABELS[playbook.intentLevel],
    playbook.source === null ? "any source" : `source ${playbook.source}`,
    playbook.slaPolicyId === null ? "SLA unchanged" : `SLA “${nameOf(policies, playbook.slaPolicyId)}”`,
    playbook.sequenceId === null ? "no sequence" : `enrols in “${nameOf(sequences, playbook.sequenceId)}”`,
  ].join(" · ");
}
