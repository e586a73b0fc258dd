import { SeededRandom } from "../../src/domain/demo/seeded-random.js";
import type { FeatureRecord } from "../../src/domain/scoring/model/feature-values.js";
import { sigmoid } from "../../src/domain/scoring/model/logistic-regression.js";

/**
 * The generating model's log-odds weights, by the name of the input the learned model gives
 * them: numbers per standard deviation, the yes/no per "yes", sources against Website.
 */
export const SYNTHETIC_WEIGHTS = {
  intercept: -1,
  "Source is Referral": 1.5,
  "Source is Ads": -1.1,
  Employees: 0.8,
  "Days to first response": -0.5,
  "Budget confirmed": 0.35,
  "Source is Event": 0.15,
} as const;

const SOURCES = [
  { source: "Website", share: 0.5, weight: 0 },
  { source: "Referral", share: 0.2, weight: SYNTHETIC_WEIGHTS["Source is Referral"] },
  { source: "Event", share: 0.2, weight: SYNTHETIC_WEIGHTS["Source is Event"] },
  { source: "Ads", share: 0.08, weight: SYNTHETIC_WEIGHTS["Source is Ads"] },
  { source: "Podcast", share: 0.02, weight: 0 },
];
const REGIONS = ["North", "South", "East", "West", "Central"];
const EMPLOYEES_SD = 80;
const RESPONSE_DAYS_SD = 2;
/** Weight of each extra engagement column, alternating in sign. */
const EXTRA_WEIGHT = 0.1;

export type SyntheticClosedLeads = { records: FeatureRecord[]; outcomes: boolean[]; probabilities: number[] };

/**
 * Closed leads drawn from a known logistic model (SYNTHETIC_WEIGHTS): numbers, a category
 * with a rare level, a yes/no, 10–15% of two columns blanked at random after the outcome's
 * probability was set (so the learned model sees less than the generating one), a region
 * with no effect, a constant column and three identifier-like columns. Outcomes are
 * Bernoulli draws, so the labels carry the model's own noise. `extraColumns` adds numeric
 * "Engagement N" columns (for timing at realistic widths).
 */
export function syntheticClosedLeads(count: number, seed: number, extraColumns = 0): SyntheticClosedLeads {
  const random = new SeededRandom(seed);
  const records: FeatureRecord[] = [];
  const outcomes: boolean[] = [];
  const probabilities: number[] = [];
  for (let i = 0; i < count; i++) {
    const employees = normal(random);
    const responseDays = normal(random);
    const isBudgetConfirmed = random.chance(0.4);
    const source = random.pickWeighted(SOURCES, (item) => item.share);
    const extras = Array.from({ length: extraColumns }, () => normal(random));
    const logOdds =
      SYNTHETIC_WEIGHTS.intercept +
      SYNTHETIC_WEIGHTS.Employees * employees +
      SYNTHETIC_WEIGHTS["Days to first response"] * responseDays +
      (isBudgetConfirmed ? SYNTHETIC_WEIGHTS["Budget confirmed"] : 0) +
      source.weight +
      extras.reduce((sum, value, k) => sum + (k % 2 === 0 ? EXTRA_WEIGHT : -EXTRA_WEIGHT) * value, 0);
    const probability = sigmoid(logOdds);
    records.push({
      "Lead ID": `L-${100000 + i}`,
      Email: `buyer${i}@example.com`,
      Notes: `called on day ${i}`,
      Employees: String(Math.round((200 + EMPLOYEES_SD * employees) * 10) / 10),
      "Days to first response": random.chance(0.15) ? "" : String(5 + RESPONSE_DAYS_SD * responseDays),
      "Budget confirmed": random.chance(0.1) ? "" : isBudgetConfirmed ? "Yes" : "No",
      Source: source.source,
      Region: random.pick(REGIONS),
      Channel: "web",
      ...Object.fromEntries(extras.map((value, k) => [`Engagement ${k + 1}`, value])),
    });
    probabilities.push(probability);
    outcomes.push(random.chance(probability));
  }
  return { records, outcomes, probabilities };
}

/** A standard normal draw: the log of a log-normal with median 1 and sigma 1. */
function normal(random: SeededRandom): number {
  return Math.log(random.logNormal(1, 1));
}
