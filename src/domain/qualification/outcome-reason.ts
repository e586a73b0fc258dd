import { invalidField } from "../errors.js";
import type { OutcomeReason } from "../pipeline/pipeline-config.js";
import { normalizeQualificationText } from "./qualification-answer.js";

/** A reason picked from a configured list, with the note that goes with it. */
export type ChosenReason = { reason: OutcomeReason; note: string | null };

/**
 * The configured reason `key` names, and its note: the reason must be in the list (field
 * `reason`); a reason that `requiresNote` (such as "other") needs a non-blank note (field `note`).
 */
export function chooseReason(reasons: readonly OutcomeReason[], key: string, rawNote: string | null | undefined): ChosenReason {
  const reason = reasons.find((r) => r.key === key);
  if (!reason) throw invalidField("reason", `no reason "${key}" in the configured list (${reasons.map((r) => r.key).join(", ")})`);
  const note = normalizeQualificationText(rawNote, "note");
  if (reason.requiresNote && note === null) throw invalidField("note", `the reason "${reason.label}" needs a note`);
  return { reason, note };
}

/** The label of a reason key: its configured label, else the key (a reason since removed from the list). */
export function reasonLabel(reasons: readonly OutcomeReason[], key: string): string {
  return reasons.find((r) => r.key === key)?.label ?? key;
}
