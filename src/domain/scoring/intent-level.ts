import { ageInDays, type IntentRuleMatch } from "./intent-points.js";
import type { IntentSignal } from "./intent-signals.js";
import type { IntentLevel, ScoringConfig } from "./scoring-config.js";

/**
 * How ready to buy the lead looks. High: a high-intent action (a demo request, a pricing visit,
 * a booked meeting) inside the window, or an intent part at `intentLevels.high`. Medium: an
 * intent part at `intentLevels.medium`, or any action of the lead's own inside the window beyond
 * being captured. Otherwise low.
 */
export function intentLevelOf(
  config: Pick<ScoringConfig, "intentLevels" | "highIntentWindowDays">,
  input: { intentScore: number; signals: readonly IntentSignal[]; matches: readonly IntentRuleMatch[]; now: number },
): IntentLevel {
  const isRecent = (signal: IntentSignal) => ageInDays(signal, input.now) <= config.highIntentWindowDays;
  if (input.intentScore >= config.intentLevels.high || input.matches.some((match) => match.rule.isHighIntent && match.signals.some(isRecent))) return "high";
  if (input.intentScore >= config.intentLevels.medium || input.signals.some((signal) => signal.kind !== "captured" && isRecent(signal))) return "medium";
  return "low";
}
