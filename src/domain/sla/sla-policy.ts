/** What happens, in order, once a lead's first-response deadline has passed. */
export type EscalationAction = "notify_owner" | "reassign" | "notify_manager";

export const ESCALATION_ACTIONS: readonly EscalationAction[] = ["notify_owner", "reassign", "notify_manager"];

/** One step of the escalation chain, run this many minutes after the breach. */
export type EscalationStep = { action: EscalationAction; afterBreachMinutes: number };

/** A speed-to-lead promise: first human response within `targetMinutes`. */
export type SlaPolicy = {
  id: string;
  name: string;
  targetMinutes: number;
  /** Share of the target after which the owner is warned, e.g. 0.5. */
  warningShare: number;
  /** `business`: only the workspace's open hours count; `wall`: every minute counts. */
  clock: "business" | "wall";
  /** Whether an automated message (a sequence email) stops the clock; by default only a person does. */
  isAutomatedResponseEnough: boolean;
  escalation: EscalationStep[];
  isDefault: boolean;
};

/** The chain DESIGN.md names: tell the owner, hand the lead to someone available, then tell the manager. */
export const DEFAULT_ESCALATION: EscalationStep[] = [
  { action: "notify_owner", afterBreachMinutes: 0 },
  { action: "reassign", afterBreachMinutes: 15 },
  { action: "notify_manager", afterBreachMinutes: 30 },
];
