import type { Playbook } from "../../../api/playbooks.js";
import { INTENT_LEVELS } from "../../../api/scoring.js";
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

/** Playbooks in the order they are looked for: by intent level (high first), a source's own before the catch-all, then by name. */
export function sortPlaybooks(playbooks: readonly Playbook[]): Playbook[] {
  return [...playbooks].sort(
    (a, b) =>
      INTENT_LEVELS.indexOf(a.intentLevel) - INTENT_LEVELS.indexOf(b.intentLevel) ||
      Number(a.source === null) - Number(b.source === null) ||
      (a.source ?? "").localeCompare(b.source ?? "") ||
      a.name.localeCompare(b.name),
  );
}
