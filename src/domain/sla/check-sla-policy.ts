import { invalidField } from "../errors.js";
import type { SlaPolicy } from "./sla-policy.js";

/** Thirty days: a first-response target longer than a month is not a speed-to-lead promise. */
export const MAX_TARGET_MINUTES = 43_200;

/** Longest escalation chain; each step is a timer per lead. */
export const MAX_ESCALATION_STEPS = 10;

/**
 * Checks a policy's numbers: a target of 1 to 43,200 minutes, a warning share in [0, 1) (0: no
 * warning), and escalation steps whose delays never go down, because the SLA timer runs the
 * chain in order and a step cannot fire before the one it follows.
 */
export function checkSlaPolicy(policy: Pick<SlaPolicy, "targetMinutes" | "warningShare" | "escalation">): void {
  if (!Number.isInteger(policy.targetMinutes) || policy.targetMinutes < 1 || policy.targetMinutes > MAX_TARGET_MINUTES) {
    throw invalidField("targetMinutes", `must be a whole number of minutes from 1 to ${MAX_TARGET_MINUTES}`);
  }
  if (!(policy.warningShare >= 0 && policy.warningShare < 1)) throw invalidField("warningShare", "must be at least 0 and below 1 (0: no warning)");
  if (policy.escalation.length > MAX_ESCALATION_STEPS) throw invalidField("escalation", `must have at most ${MAX_ESCALATION_STEPS} steps`);
  policy.escalation.forEach((step, index) => {
    if (!Number.isInteger(step.afterBreachMinutes) || step.afterBreachMinutes < 0) {
      throw invalidField(`escalation.${index}.afterBreachMinutes`, "must be a whole number of minutes, 0 or more");
    }
    const previous = policy.escalation[index - 1];
    if (previous && step.afterBreachMinutes < previous.afterBreachMinutes) {
      throw invalidField(`escalation.${index}.afterBreachMinutes`, `must not be less than the step before (${previous.afterBreachMinutes})`);
    }
  });
}
