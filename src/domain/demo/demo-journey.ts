import { type ConversionChances, conversionChances, CYCLE_LENGTH_FACTOR, proposalAmountFor } from "./demo-conversion-model.js";
import type { DemoLeadProfile } from "./demo-lead-profile.js";
import type { DemoLeadPlan, DisqualificationReason, LostReason, PlannedOutcome, PlannedStageChange, PlannedTouch, TouchChannel } from "./demo-lead-plan.js";
import type { DemoSource } from "./demo-sources.js";
import type { RepSkill } from "./demo-team.js";
import type { SeededRandom } from "./seeded-random.js";
import { isWithinWorkingHours, nextWorkingMoment, type WorkingHours } from "./zoned-time.js";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../time.js";

export type JourneyInput = {
  createdAt: number;
  firstResponseAt: number;
  endAt: number;
  source: DemoSource;
  profile: DemoLeadProfile;
  skill: RepSkill;
  /** The owner's hours: everything the rep does lands inside them. */
  workingHours: WorkingHours;
};

export type Journey = Pick<DemoLeadPlan, "touches" | "stageChanges" | "proposal" | "outcome" | "chances">;

/** Days after the first touch on which a rep tries again: a common 6-touch cadence over ~2 weeks. */
const ATTEMPT_DAY_OFFSETS = [0, 1, 3, 6, 10, 15];
const CHANNELS_WITH_PHONE: readonly TouchChannel[] = ["call", "email", "call", "linkedin", "email", "sms"];
const CHANNELS_WITHOUT_PHONE: readonly TouchChannel[] = ["email", "linkedin", "email", "email", "linkedin", "email"];

const LOST_AFTER_QUALIFIED: readonly [LostReason, number][] = [["no_decision", 0.5], ["timing", 0.35], ["competitor", 0.15]];
const LOST_AFTER_PROPOSAL: readonly [LostReason, number][] = [["price", 0.35], ["no_decision", 0.3], ["competitor", 0.25], ["timing", 0.1]];

type Steps = { touches: PlannedTouch[]; stageChanges: PlannedStageChange[]; proposal: DemoLeadPlan["proposal"]; outcome: PlannedOutcome };

/**
 * What happens to a lead once its owner first touches it: attempts until it answers (or the rep
 * gives up), then qualification, a discovery meeting, a proposal, follow-ups and an outcome,
 * each step drawn against `conversionChances` and cut at `endAt`.
 */
export function planJourney(input: JourneyInput, random: SeededRandom): Journey {
  const firstResponseMinutes = (input.firstResponseAt - input.createdAt) / MINUTE_MS;
  const chances = conversionChances(input.source, input.profile, input.skill, firstResponseMinutes);
  const steps: Steps = { touches: [], stageChanges: [], proposal: null, outcome: { kind: "open" } };
  const contactedAt = planAttempts(input, chances, steps, random);
  if (contactedAt === null) {
    const lastAttemptAt = steps.touches[steps.touches.length - 1]!.at;
    stallOrLose(steps, atWorkingTime(lastAttemptAt + DAY_MS, input.workingHours, random), input.skill, [["no_response", 1]], random);
  } else {
    planAfterContact(input, chances, contactedAt, steps, random);
  }
  return { ...cutAt(steps, input.endAt), chances };
}

/** Appends the attempts; returns when the lead was reached, or null if every attempt went unanswered. */
function planAttempts(input: JourneyInput, chances: ConversionChances, steps: Steps, random: SeededRandom): number | null {
  const attempts = Math.min(input.skill.maxAttempts, ATTEMPT_DAY_OFFSETS.length);
  const channels = input.profile.hasPhone ? CHANNELS_WITH_PHONE : CHANNELS_WITHOUT_PHONE;
  const isReached = random.chance(chances.reach);
  // Most leads who answer do so early: attempt i reaches them with weight 0.5^i.
  const reachedOn = isReached ? random.pickWeighted([...Array(attempts).keys()], (i) => 0.5 ** i) : attempts;
  for (let i = 0; i < attempts; i++) {
    const plannedAt = input.firstResponseAt + ATTEMPT_DAY_OFFSETS[i]! * DAY_MS + random.between(-3, 3) * HOUR_MS;
    const at = i === 0 ? input.firstResponseAt : atWorkingTime(plannedAt, input.workingHours, random);
    const channel = channels[i]!;
    if (i < reachedOn) {
      steps.touches.push({ at, channel, direction: "out", isConnected: false });
      continue;
    }
    if (channel === "call") {
      steps.touches.push({ at, channel, direction: "out", isConnected: true });
      return at;
    }
    const repliedAt = Math.round(at + random.logNormal(4, 1.2) * HOUR_MS);
    steps.touches.push({ at, channel, direction: "out", isConnected: false }, { at: repliedAt, channel, direction: "in", isConnected: true });
    return repliedAt;
  }
  return null;
}

function planAfterContact(input: JourneyInput, chances: ConversionChances, contactedAt: number, steps: Steps, random: SeededRandom): void {
  const cycle = CYCLE_LENGTH_FACTOR[input.profile.companySize];
  const later = (from: number, minDays: number, maxDays: number) =>
    atWorkingTime(from + random.between(minDays, maxDays) * cycle * DAY_MS, input.workingHours, random);
  steps.stageChanges.push({ stage: "contacted", at: contactedAt });
  if (!random.chance(chances.qualify)) {
    const at = later(contactedAt, 0.2, 3);
    steps.stageChanges.push({ stage: "lost", at });
    steps.outcome = { kind: "disqualified", at, reason: disqualificationReasonFor(input.profile, random) };
    return;
  }
  const meetingAt = later(contactedAt, 1, 6);
  steps.touches.push({ at: meetingAt, channel: "meeting", direction: "out", isConnected: true });
  steps.stageChanges.push({ stage: "qualified", at: meetingAt });
  if (!random.chance(chances.propose)) return stallOrLose(steps, later(meetingAt, 7, 30), input.skill, LOST_AFTER_QUALIFIED, random);
  const proposalAt = later(meetingAt, 3, 12);
  const amount = proposalAmountFor(input.profile.companySize, random);
  steps.touches.push({ at: proposalAt, channel: "email", direction: "out", isConnected: false });
  steps.stageChanges.push({ stage: "proposal", at: proposalAt });
  steps.proposal = { at: proposalAt, amount };
  let lastFollowUpAt = proposalAt;
  for (let i = random.int(1, 3); i > 0; i--) {
    lastFollowUpAt = later(lastFollowUpAt, 2, 6);
    steps.touches.push({ at: lastFollowUpAt, channel: i % 2 === 0 ? "email" : "call", direction: "out", isConnected: random.chance(0.6) });
  }
  if (!random.chance(chances.close)) return stallOrLose(steps, later(lastFollowUpAt, 5, 20), input.skill, LOST_AFTER_PROPOSAL, random);
  const wonAt = later(lastFollowUpAt, 1, 5);
  steps.stageChanges.push({ stage: "won", at: wonAt });
  // Buyers negotiate: the signed amount is 85–100% of the proposal.
  steps.outcome = { kind: "won", at: wonAt, amount: Math.round((amount * random.between(0.85, 1)) / 100) * 100 };
}

/** A rep's action planned for `at`, moved into their working hours (spread over the first three hours, not all at 9:00). */
function atWorkingTime(at: number, hours: WorkingHours, random: SeededRandom): number {
  const workingAt = isWithinWorkingHours(at, hours) ? at : nextWorkingMoment(at, hours) + random.between(0, 180) * MINUTE_MS;
  return Math.round(workingAt);
}

/** A deal that does not move forward: some reps leave it open (stalled), others close it out as lost. */
function stallOrLose(steps: Steps, lostAt: number, skill: RepSkill, reasons: readonly [LostReason, number][], random: SeededRandom): void {
  if (random.chance(skill.stallShare)) return;
  const [reason] = random.pickWeighted(reasons, ([, weight]) => weight);
  steps.stageChanges.push({ stage: "lost", at: lostAt });
  steps.outcome = { kind: "lost", at: lostAt, reason };
}

/** The reason follows the lead's profile, so disqualification reasons by source point at targeting. */
function disqualificationReasonFor(profile: DemoLeadProfile, random: SeededRandom): DisqualificationReason {
  if (profile.seniority === "student") return "student_job_seeker";
  const isSmall = profile.companySize === "1-10" || profile.companySize === "11-50";
  const weights: [DisqualificationReason, number][] = [
    ["not_decision_maker", profile.seniority === "individual" ? 3 : 0.5],
    ["poor_fit", profile.companySize === "1-10" ? 3 : 1],
    ["no_budget", isSmall ? 2.5 : 1],
    ["no_timeline", 1],
  ];
  return random.pickWeighted(weights, ([, weight]) => weight)[0];
}

/** Keeps what happened before `endAt`: later steps have not happened yet. */
function cutAt(steps: Steps, endAt: number): Omit<Journey, "chances"> {
  const outcome = steps.outcome.kind !== "open" && steps.outcome.at < endAt ? steps.outcome : { kind: "open" as const };
  return {
    touches: steps.touches.filter((t) => t.at < endAt).sort((a, b) => a.at - b.at),
    stageChanges: steps.stageChanges.filter((c) => c.at < endAt),
    proposal: steps.proposal && steps.proposal.at < endAt ? steps.proposal : null,
    outcome,
  };
}
