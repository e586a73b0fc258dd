import type { RepSkill } from "./demo-team.js";
import type { SeededRandom } from "./seeded-random.js";
import { addWorkingMinutes, type WorkingHours } from "./zoned-time.js";

/**
 * Spread of a rep's response times (σ of the log-normal): 0.9 puts p90 at ~3× the median, as
 * speed-to-lead studies of inbound teams show.
 */
const RESPONSE_SPREAD = 0.9;

/**
 * How much a busy day slows a rep down: delay × load^0.7, where load is the day's leads over
 * the rep's usual day. Twice the usual volume → 1.6× slower; this is the overload the
 * diagnostics look for (first response rising with daily volume per rep).
 */
const LOAD_ELASTICITY = 0.7;

/**
 * When the owner first touches the lead: after a log-normal number of working minutes around
 * the rep's median, counted from capture but only inside the rep's working hours (a lead that
 * arrives on Saturday waits until Monday 9:00 in the rep's zone). Null when the rep drops it.
 */
export function planFirstResponseAt(
  createdAt: number,
  skill: RepSkill,
  workingHours: WorkingHours,
  dayLoad: number,
  random: SeededRandom,
): number | null {
  if (random.chance(skill.droppedShare)) return null;
  const median = skill.medianResponseMinutes * dayLoad ** LOAD_ELASTICITY;
  const workingMinutes = Math.max(0.5, random.logNormal(median, RESPONSE_SPREAD));
  return Math.round(addWorkingMinutes(createdAt, workingMinutes, workingHours));
}
