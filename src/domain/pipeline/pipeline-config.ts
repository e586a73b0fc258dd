/**
 * The documented sales process a workspace follows: its stages (what each is for, what must
 * happen, what to say, what must be done before leaving it, how long a lead may sit in it),
 * its qualification criteria and the reasons it accepts for disqualifying or losing a lead.
 */

/** The canonical milestone a stage maps to, so metrics compare workspaces with different stage names. */
export type Milestone = "new" | "contacted" | "qualified" | "proposal" | "won" | "lost";

export const MILESTONES: readonly Milestone[] = ["new", "contacted", "qualified", "proposal", "won", "lost"];

/** Milestones that close a lead. */
export const CLOSED_MILESTONES: readonly Milestone[] = ["won", "lost"];

export type ChecklistItem = { key: string; label: string };

/** Whether leaving a stage with exit-checklist items unchecked is refused or only warned about. */
export type ChecklistMode = "warn" | "block";

export type StageDefinition = {
  /** Stable key stored on leads (`leads.stage`). */
  key: string;
  name: string;
  /** What this stage is for. */
  goal: string;
  /** What must happen in this stage. */
  mustHappen: string;
  /** What to say: talking points for the rep. */
  talkingPoints: string[];
  /** What must be done before the lead moves on. */
  exitChecklist: ChecklistItem[];
  checklistMode: ChecklistMode;
  /** Days in this stage after which the lead counts as stalled; null: never. */
  maxDaysInStage: number | null;
  milestone: Milestone;
};

export type QualificationCriterion = { key: string; label: string; question: string };

/** A reason from a configurable list; `requiresNote` asks for words (e.g. "other"). */
export type OutcomeReason = { key: string; label: string; requiresNote: boolean };

export type PipelineConfig = {
  /** In order. The first is where captured leads start (key `new`); won and lost stages close a lead. */
  stages: StageDefinition[];
  qualificationCriteria: QualificationCriterion[];
  disqualificationReasons: OutcomeReason[];
  lostReasons: OutcomeReason[];
  /** Minutes after its due time that an unfinished next step counts as overdue. */
  nextStepOverdueAfterMinutes: number;
  /** How far (percent) a proposal may stray from the campaign's price anchor before it is flagged. */
  expectationTolerancePercent: number;
};

const reason = (key: string, label: string, requiresNote = false): OutcomeReason => ({ key, label, requiresNote });

export const DEFAULT_PIPELINE: PipelineConfig = {
  stages: [
    {
      key: "new",
      name: "New",
      goal: "Reach the lead while their interest is warm.",
      mustHappen: "A first call or email inside the speed-to-lead SLA.",
      talkingPoints: ["Thank them for reaching out and refer to what they asked for.", "Ask what prompted them to look now."],
      exitChecklist: [{ key: "first_contact", label: "First contact attempted" }],
      checklistMode: "warn",
      maxDaysInStage: 2,
      milestone: "new",
    },
    {
      key: "contacted",
      name: "Contacted",
      goal: "Have a real conversation and agree on a discovery call.",
      mustHappen: "A two-way conversation; a discovery call booked.",
      talkingPoints: ["Confirm the problem in their words.", "Agree on who else should join the discovery call."],
      exitChecklist: [
        { key: "conversation_held", label: "Two-way conversation held" },
        { key: "discovery_booked", label: "Discovery call booked" },
      ],
      checklistMode: "warn",
      maxDaysInStage: 7,
      milestone: "contacted",
    },
    {
      key: "qualified",
      name: "Qualified",
      goal: "Confirm budget, authority, need and timeline, and what waiting costs them.",
      mustHappen: "Every qualification criterion answered; the decision maker identified.",
      talkingPoints: ["What happens if you do nothing this quarter?", "Who signs off, and how have they bought before?"],
      exitChecklist: [
        { key: "decision_maker_met", label: "Decision maker identified" },
        { key: "cost_of_inaction_agreed", label: "Cost of inaction agreed with the buyer" },
      ],
      checklistMode: "block",
      maxDaysInStage: 14,
      milestone: "qualified",
    },
    {
      key: "proposal",
      name: "Proposal",
      goal: "Get a decision on a proposal that matches what they expect.",
      mustHappen: "Proposal sent and walked through live; decision date agreed.",
      talkingPoints: ["Walk through the proposal together, not by email alone.", "Agree the date a decision will be made."],
      exitChecklist: [
        { key: "proposal_reviewed", label: "Proposal reviewed with the buyer" },
        { key: "decision_date_set", label: "Decision date agreed" },
      ],
      checklistMode: "warn",
      maxDaysInStage: 21,
      milestone: "proposal",
    },
    { key: "won", name: "Won", goal: "Hand over to delivery with full context.", mustHappen: "Contract signed.", talkingPoints: [], exitChecklist: [], checklistMode: "warn", maxDaysInStage: null, milestone: "won" },
    { key: "lost", name: "Lost", goal: "Record why, so marketing and sales can learn.", mustHappen: "A lost reason recorded.", talkingPoints: [], exitChecklist: [], checklistMode: "warn", maxDaysInStage: null, milestone: "lost" },
  ],
  qualificationCriteria: [
    { key: "budget", label: "Budget", question: "Is there budget for this, and roughly how much?" },
    { key: "authority", label: "Authority", question: "Are we talking to the person who decides, or do we know who does?" },
    { key: "need", label: "Need / fit", question: "Do they have a problem we solve well?" },
    { key: "timeline", label: "Timeline", question: "Do they need it solved within a defined time?" },
  ],
  disqualificationReasons: [
    reason("no_budget", "No budget"),
    reason("not_decision_maker", "Not a decision maker"),
    reason("poor_fit", "Poor fit"),
    reason("no_timeline", "No timeline"),
    reason("spam", "Spam"),
    reason("student_job_seeker", "Student / job seeker"),
    reason("competitor", "Competitor"),
    reason("duplicate", "Duplicate"),
    reason("other", "Other", true),
  ],
  lostReasons: [
    reason("price", "Price"),
    reason("competitor", "Went with a competitor"),
    reason("no_decision", "No decision / went dark"),
    reason("no_response", "Never responded"),
    reason("timing", "Timing"),
    reason("missing_feature", "Missing capability"),
    reason("other", "Other", true),
  ],
  nextStepOverdueAfterMinutes: 60,
  expectationTolerancePercent: 20,
};

/** The stage with this key, if the pipeline has one. */
export function stageOf(config: PipelineConfig, key: string): StageDefinition | undefined {
  return config.stages.find((stage) => stage.key === key);
}

/** Whether a stage closes the lead (won or lost). */
export function isClosedStage(stage: StageDefinition): boolean {
  return CLOSED_MILESTONES.includes(stage.milestone);
}
