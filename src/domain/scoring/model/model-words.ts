import { type EncodedFeature, encodedFeaturesOf } from "./feature-encoding.js";
import { MISSING_LEVEL, OTHER_LEVEL } from "./feature-spec.js";
import type { TrainedModel } from "./train-model.js";

/** One model input with its weight (change in log-odds) and what it means in words. */
export type ModelSignal = { feature: string; weight: number; words: string };

/** Every input of the model in words, the strongest (largest |weight|) first. */
export function modelSignals(model: TrainedModel): ModelSignal[] {
  return encodedFeaturesOf(model.spec)
    .map((feature, j) => {
      const weight = model.weights[j]!;
      return { feature: feature.name, weight, words: `${featureWords(feature)}: ${oddsWords(weight)}` };
    })
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.feature < b.feature ? -1 : 1));
}

/** What one unit of an input is: "Source is Referral (rather than Website)", "Employees (per +1 sd = 120)". */
function featureWords(feature: EncodedFeature): string {
  switch (feature.kind) {
    case "numeric":
      return `${feature.column} (per +1 sd = ${formatAmount(feature.sd)})`;
    case "flag":
      return `${feature.column} (yes rather than no)`;
    case "missing":
      return `${feature.column} is missing`;
    case "level":
      return `${feature.column} is ${levelWords(feature.level)} (rather than ${feature.reference})`;
  }
}

function levelWords(level: string): string {
  if (level === OTHER_LEVEL) return "another value";
  return level === MISSING_LEVEL ? "missing" : level;
}

/**
 * A change in log-odds as a multiplier on the odds of winning: "raises the odds of winning ×2.3",
 * "lowers the odds of winning ×0.8" (two significant figures); a multiplier that rounds to 1
 * "leaves the odds about the same".
 */
export function oddsWords(logOdds: number): string {
  const ratio = Math.exp(logOdds);
  const shown = ratio >= 10 ? Math.round(ratio).toLocaleString("en-US") : String(Number(ratio.toPrecision(2)));
  if (shown === "1") return "leaves the odds about the same";
  return `${ratio > 1 ? "raises" : "lowers"} the odds of winning ×${shown}`;
}

/** Made once: `toLocaleString` with options builds a formatter per call, and every lead's model opinion words several amounts. */
const AMOUNT_FORMAT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

/** Three significant figures with thousands separators: 120, 0.354, 12,300. */
export function formatAmount(value: number): string {
  return AMOUNT_FORMAT.format(Number(value.toPrecision(3)));
}
