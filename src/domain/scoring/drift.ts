import { proportionDifference, type Tally, wilsonInterval, Z_95 } from "../metrics/proportion.js";
import { addMonths, monthInWords, monthsOf, monthStartsAt } from "./close-months.js";
import { type Bucket, BUCKETS } from "./scoring-config.js";

/**
 * Drift: whether the scoring logic still matches what closes. Each month's closed leads are
 * compared with the months before: a bucket whose close rate leaves its usual band, or a
 * qualification criterion that no longer separates wins from losses, raises an alert.
 */

/** A closed lead as drift sees it: when it closed, whether it was won, its bucket at close and its qualification answers. */
export type ClosedLeadOutcome = { closedAt: number; isWon: boolean; bucket: Bucket | null; criteria: Record<string, "yes" | "no" | "unknown"> };

export type DriftAlertKind = "bucket_close_rate" | "criterion_separation";

/** One drift finding. `key` (`<kind>:<subject>:<month>`) is stable, so an alert is raised once. */
export type DriftAlert = { key: string; kind: DriftAlertKind; subject: string; month: string; message: string; numbers: Record<string, number> };

export type CloseCounts = { closed: number; won: number };

/**
 * Closed and won leads with a criterion met (answer "yes") and not met ("no", "unknown" or never
 * answered: a criterion nobody confirmed is not one the deal had).
 */
export type CriterionCloseCounts = { metClosed: number; metWon: number; unmetClosed: number; unmetWon: number };

/** One month's closed leads per bucket (unscored leads in none) and per criterion. */
export type MonthlyCloseRates = { month: string; buckets: Record<Bucket, CloseCounts>; criteria: Record<string, CriterionCloseCounts> };

/** Months before the checked one that make its history. */
export const HISTORY_MONTHS = 12;
/** Closed leads a month needs before its rates are judged: fewer and a rate is mostly noise. */
export const MIN_MONTH_CLOSED = 20;
/** Closed leads the history needs before it defines what is usual. */
export const MIN_HISTORY_CLOSED = 60;
/** Closed leads each side of a criterion (met, not met) needs: in the month, and in the history. */
const MIN_SIDE_CLOSED_MONTH = 10;
const MIN_SIDE_CLOSED_HISTORY = 20;
/** A criterion "used to predict wins" when met leads closed at least this much better (10 points)… */
const MIN_HISTORY_SEPARATION = 0.1;
/** …and "no longer does" when this month the gap is under 5 points. */
const MAX_LOST_SEPARATION = 0.05;

const noCounts = (): CloseCounts => ({ closed: 0, won: 0 });
const noCriterionCounts = (): CriterionCloseCounts => ({ metClosed: 0, metWon: 0, unmetClosed: 0, unmetWon: 0 });

/**
 * Closed and won leads per month in the workspace's time zone, oldest first, every month from
 * the first close to the last (months without a close count zero). Every month lists every
 * criterion answered on any lead, so the months line up.
 */
export function monthlyCloseRates(outcomes: readonly ClosedLeadOutcome[], timezone: string): MonthlyCloseRates[] {
  const criterionKeys = [...new Set(outcomes.flatMap((outcome) => Object.keys(outcome.criteria)))].sort();
  const { months, indexes } = monthsOf(
    outcomes.map((outcome) => outcome.closedAt),
    timezone,
  );
  const rates = months.map((month) => ({
    month,
    buckets: Object.fromEntries(BUCKETS.map((bucket) => [bucket, noCounts()])) as Record<Bucket, CloseCounts>,
    criteria: Object.fromEntries(criterionKeys.map((key) => [key, noCriterionCounts()])),
  }));
  outcomes.forEach((outcome, i) => {
    const { buckets, criteria } = rates[indexes[i]!]!;
    const won = outcome.isWon ? 1 : 0;
    if (outcome.bucket !== null) {
      buckets[outcome.bucket].closed += 1;
      buckets[outcome.bucket].won += won;
    }
    for (const key of criterionKeys) {
      const counts = criteria[key]!;
      if (outcome.criteria[key] === "yes") [counts.metClosed, counts.metWon] = [counts.metClosed + 1, counts.metWon + won];
      else [counts.unmetClosed, counts.unmetWon] = [counts.unmetClosed + 1, counts.unmetWon + won];
    }
  });
  return rates;
}

/** The closed leads `detectDrift` reads for a month: from the start of its history to the month's end. */
export function driftWindow(month: string, timezone: string): { from: number; before: number } {
  return { from: monthStartsAt(addMonths(month, -HISTORY_MONTHS), timezone), before: monthStartsAt(addMonths(month, 1), timezone) };
}

/**
 * Drift in `month` (`YYYY-MM`, in `timezone`) against the up to 12 months before it pooled:
 * buckets whose close rate left their band and criteria (those in `criteriaLabels`, named by
 * their labels) that stopped separating wins from losses. Outcomes outside the window are ignored.
 */
export function detectDrift(outcomes: readonly ClosedLeadOutcome[], options: { month: string; timezone: string; criteriaLabels: Record<string, string> }): DriftAlert[] {
  const { month, timezone, criteriaLabels } = options;
  const window = driftWindow(month, timezone);
  const rates = monthlyCloseRates(
    outcomes.filter((outcome) => outcome.closedAt >= window.from && outcome.closedAt < window.before),
    timezone,
  );
  const current = rates.find((rate) => rate.month === month);
  if (!current) return [];
  const history = rates.filter((rate) => rate.month < month);
  const bucketAlerts = BUCKETS.map((bucket) =>
    bucketCloseRateAlert(
      bucket,
      current.buckets[bucket],
      history.map((rate) => rate.buckets[bucket]),
      month,
    ),
  );
  const criterionAlerts = Object.entries(criteriaLabels).map(([key, label]) =>
    current.criteria[key]
      ? criterionSeparationAlert(
          { key, label },
          current.criteria[key],
          history.map((rate) => rate.criteria[key]!),
          month,
        )
      : null,
  );
  return [...bucketAlerts, ...criterionAlerts].filter((alert) => alert !== null);
}

const tallyOf = (closed: number, won: number): Tally => ({ successes: won, trials: closed });
const percent = (rate: number): string => `${Math.round(rate * 100)}%`;
const alertKey = (kind: DriftAlertKind, subject: string, month: string): string => `${kind}:${subject}:${month}`;

/**
 * How much more months differ than binomial noise explains (quasi-binomial dispersion: Pearson
 * χ² of the months against the pooled rate over its degrees of freedom, at least 1). A bucket
 * whose rate swings from month to month gets a wider band rather than an alert every month.
 */
function monthToMonthDispersion(months: readonly CloseCounts[], pooledRate: number): number {
  const active = months.filter((month) => month.closed > 0);
  const variance = pooledRate * (1 - pooledRate);
  if (active.length < 2 || variance === 0) return 1;
  const chiSquare = active.reduce((sum, month) => sum + (month.won - month.closed * pooledRate) ** 2 / (month.closed * variance), 0);
  return Math.max(1, chiSquare / (active.length - 1));
}

/**
 * A bucket's close rate left its band. The band is the Wilson 95% interval of the pooled
 * history's rate, with the history's sample size divided by its month-to-month dispersion (so
 * it widens by √dispersion when months vary more than chance). The month must also differ from
 * the history beyond its own noise: a two-sided test (Agresti–Caffo difference, variance
 * scaled by the same dispersion) at 95%, so 20 leads landing just outside the band by luck do
 * not raise an alert.
 */
function bucketCloseRateAlert(bucket: Bucket, current: CloseCounts, history: readonly CloseCounts[], month: string): DriftAlert | null {
  const past = history.reduce((sum, counts) => ({ closed: sum.closed + counts.closed, won: sum.won + counts.won }), noCounts());
  if (current.closed < MIN_MONTH_CLOSED || past.closed < MIN_HISTORY_CLOSED) return null;
  const historyRate = past.won / past.closed;
  const dispersion = monthToMonthDispersion(history, historyRate);
  const band = wilsonInterval({ successes: past.won / dispersion, trials: past.closed / dispersion });
  const rate = current.won / current.closed;
  const { difference, variance } = proportionDifference(tallyOf(current.closed, current.won), tallyOf(past.closed, past.won));
  const zScore = difference / Math.sqrt(dispersion * variance);
  if ((rate >= band.low && rate <= band.high) || Math.abs(zScore) < Z_95) return null;
  const name = `${bucket[0]!.toUpperCase()}${bucket.slice(1)}`;
  const direction = rate < band.low ? "below" : "above";
  return {
    key: alertKey("bucket_close_rate", bucket, month),
    kind: "bucket_close_rate",
    subject: bucket,
    month,
    message: `${name} leads closed at ${percent(rate)} in ${monthInWords(month)}, ${direction} their usual ${Math.round(band.low * 100)}–${percent(band.high)}.`,
    numbers: { closed: current.closed, won: current.won, rate, historyClosed: past.closed, historyWon: past.won, historyRate, bandLow: band.low, bandHigh: band.high, dispersion, zScore },
  };
}

/** Met minus not-met close rate, as counted and as the Agresti–Caffo difference with its variance. */
function separationOf(counts: CriterionCloseCounts) {
  const metRate = counts.metWon / counts.metClosed;
  const unmetRate = counts.unmetWon / counts.unmetClosed;
  return { metRate, unmetRate, gap: metRate - unmetRate, ...proportionDifference(tallyOf(counts.metClosed, counts.metWon), tallyOf(counts.unmetClosed, counts.unmetWon)) };
}

const hasVolume = (counts: CriterionCloseCounts, total: number, side: number): boolean =>
  counts.metClosed + counts.unmetClosed >= total && Math.min(counts.metClosed, counts.unmetClosed) >= side;

/**
 * A criterion stopped separating wins from losses. It used to: over the history, met leads
 * closed at least 10 points better than the rest, a gap beyond 1.96 standard errors. It no longer
 * does: this month the gap is under 5 points and has fallen significantly below the
 * history's (the drop beyond 1.96 standard errors of both gaps). The drop test stands in for
 * "this month's gap is not significant", which a month of 20–50 leads almost never reaches
 * even for a criterion that still works, so that rule would cry wolf every month.
 */
function criterionSeparationAlert(
  criterion: { key: string; label: string },
  current: CriterionCloseCounts,
  history: readonly CriterionCloseCounts[],
  month: string,
): DriftAlert | null {
  const past = history.reduce(
    (sum, counts) => ({ metClosed: sum.metClosed + counts.metClosed, metWon: sum.metWon + counts.metWon, unmetClosed: sum.unmetClosed + counts.unmetClosed, unmetWon: sum.unmetWon + counts.unmetWon }),
    noCriterionCounts(),
  );
  if (!hasVolume(current, MIN_MONTH_CLOSED, MIN_SIDE_CLOSED_MONTH) || !hasVolume(past, MIN_HISTORY_CLOSED, MIN_SIDE_CLOSED_HISTORY)) return null;
  const was = separationOf(past);
  const is = separationOf(current);
  const usedToSeparate = was.gap >= MIN_HISTORY_SEPARATION && was.difference >= Z_95 * Math.sqrt(was.variance);
  const dropZScore = (was.difference - is.difference) / Math.sqrt(was.variance + is.variance);
  if (!usedToSeparate || is.gap >= MAX_LOST_SEPARATION || dropZScore < Z_95) return null;
  return {
    key: alertKey("criterion_separation", criterion.key, month),
    kind: "criterion_separation",
    subject: criterion.key,
    month,
    message: `'${criterion.label}' no longer predicts wins: ${percent(is.metRate)} vs ${percent(is.unmetRate)}`,
    numbers: {
      ...current,
      metRate: is.metRate,
      unmetRate: is.unmetRate,
      historyMetClosed: past.metClosed,
      historyMetWon: past.metWon,
      historyUnmetClosed: past.unmetClosed,
      historyUnmetWon: past.unmetWon,
      historyMetRate: was.metRate,
      historyUnmetRate: was.unmetRate,
      dropZScore,
    },
  };
}
