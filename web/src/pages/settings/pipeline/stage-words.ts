import type { ChecklistMode, Milestone } from "../../../api/pipeline.js";

/** Milestones in words: what a stage counts as in the metrics. */
export const MILESTONE_LABELS: Record<Milestone, string> = {
  new: "New",
  contacted: "Contacted",
  qualified: "Qualified",
  proposal: "Proposal",
  won: "Won",
  lost: "Lost",
};

export const CHECKLIST_MODE_LABELS: Record<ChecklistMode, string> = {
  warn: "Warn: the move goes through, missing items are recorded",
  block: "Block: the move is refused until every item is checked",
};
