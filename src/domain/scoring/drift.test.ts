import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths } from "./close-months.js";
import { type ClosedLeadOutcome, detectDrift, driftWindow, monthlyCloseRates } from "./drift.js";
import { BUCKETS } from "./scoring-config.js";

const HOUR_MS = 3_600_000;
const LABELS = { budget: "Budget", authority: "Authority" };

/** `closed` leads closed in `month` (UTC), the first `won` of them won, all alike otherwise. */
function closings(month: string, closed: number, won: number, lead: Partial<Pick<ClosedLeadOutcome, "bucket" | "criteria">> = {}): ClosedLeadOutcome[] {
  const start = Date.parse(`${month}-03T12:00:00Z`);
  return Array.from({ length: closed }, (_, i) => ({ closedAt: start + i * HOUR_MS, isWon: i < won, bucket: lead.bucket ?? null, criteria: lead.criteria ?? {} }));
}

/** The 12 months before October 2026, oldest first. */
const HISTORY = Array.from({ length: 12 }, (_, i) => addMonths("2026-10", i - 12));

const check = (outcomes: readonly ClosedLeadOutcome[], month = "2026-10") => detectDrift(outcomes, { month, timezone: "UTC", criteriaLabels: LABELS });

describe("monthlyCloseRates", () => {
  it("counts closed and won leads per bucket and per criterion met or not, by month in the workspace's time zone", () => {
    const outcomes: ClosedLeadOutcome[] = [
      { closedAt: Date.UTC(2026, 7, 10), isWon: true, bucket: "hot", criteria: { budget: "yes" } },
      { closedAt: Date.UTC(2026, 7, 11), isWon: false, bucket: "hot", criteria: { budget: "no", authority: "yes" } },
      { closedAt: Date.UTC(2026, 7, 12), isWon: true, bucket: null, criteria: { budget: "unknown" } },
      // 22:00 on 31 October in New York: October there, November in UTC.
      { closedAt: Date.UTC(2026, 10, 1, 2, 0), isWon: true, bucket: "cold", criteria: {} },
    ];
    const months = monthlyCloseRates(outcomes, "America/New_York");
    expect(months.map((m) => m.month)).toEqual(["2026-08", "2026-09", "2026-10"]);
    expect(months[0]).toEqual({
      month: "2026-08",
      buckets: { hot: { closed: 2, won: 1 }, warm: { closed: 0, won: 0 }, cold: { closed: 0, won: 0 }, unqualified: { closed: 0, won: 0 } },
      criteria: { authority: { metClosed: 1, metWon: 0, unmetClosed: 2, unmetWon: 2 }, budget: { metClosed: 1, metWon: 1, unmetClosed: 2, unmetWon: 1 } },
    });
    expect(months[1]!.criteria.budget).toEqual({ metClosed: 0, metWon: 0, unmetClosed: 0, unmetWon: 0 });
    expect(months[2]!.buckets.cold).toEqual({ closed: 1, won: 1 });
    expect(monthlyCloseRates(outcomes, "UTC").map((m) => m.month)).toEqual(["2026-08", "2026-09", "2026-10", "2026-11"]);
    expect(monthlyCloseRates([], "UTC")).toEqual([]);
  });

  it("accounts for every outcome once: scored ones in their bucket, all in each criterion", () => {
    const outcome = fc.record({
      closedAt: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }),
      isWon: fc.boolean(),
      bucket: fc.constantFrom(null, ...BUCKETS),
      criteria: fc.dictionary(fc.constantFrom("budget", "authority", "need"), fc.constantFrom("yes" as const, "no" as const, "unknown" as const)),
    });
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 200 }), fc.constantFrom("UTC", "America/New_York", "Asia/Kolkata"), (outcomes, timezone) => {
        const months = monthlyCloseRates(outcomes, timezone);
        const bucketTotals = months.flatMap((m) => Object.values(m.buckets));
        expect(bucketTotals.reduce((sum, c) => sum + c.closed, 0)).toBe(outcomes.filter((o) => o.bucket !== null).length);
        expect(bucketTotals.reduce((sum, c) => sum + c.won, 0)).toBe(outcomes.filter((o) => o.bucket !== null && o.isWon).length);
        for (const key of new Set(outcomes.flatMap((o) => Object.keys(o.criteria)))) {
          expect(months.reduce((sum, m) => sum + m.criteria[key]!.metClosed + m.criteria[key]!.unmetClosed, 0)).toBe(outcomes.length);
          expect(months.reduce((sum, m) => sum + m.criteria[key]!.metWon + m.criteria[key]!.unmetWon, 0)).toBe(outcomes.filter((o) => o.isWon).length);
        }
      }),
    );
  });
});

describe("detectDrift: bucket close rate", () => {
  const steadyHot = HISTORY.flatMap((month) => closings(month, 50, 17, { bucket: "hot" }));

  it("alerts when a bucket closes well below its band, with the numbers behind it", () => {
    const alerts = check([...steadyHot, ...closings("2026-10", 50, 6, { bucket: "hot" })]);
    expect(alerts).toEqual([
      {
        key: "bucket_close_rate:hot:2026-10",
        kind: "bucket_close_rate",
        subject: "hot",
        month: "2026-10",
        message: "Hot leads closed at 12% in October 2026, below their usual 30–38%.",
        numbers: expect.objectContaining({ closed: 50, won: 6, rate: 0.12, historyClosed: 600, historyWon: 204, historyRate: 0.34, dispersion: 1 }),
      },
    ]);
    expect(alerts[0]!.numbers.bandLow).toBeCloseTo(0.30322, 4);
    expect(alerts[0]!.numbers.bandHigh).toBeCloseTo(0.37881, 4);
  });

  it("says so when a bucket closes above its band", () => {
    const [alert] = check([...steadyHot, ...closings("2026-10", 40, 30, { bucket: "hot" })]);
    expect(alert?.message).toBe("Hot leads closed at 75% in October 2026, above their usual 30–38%.");
  });

  it("raises nothing inside the band, below the minimum volume, or for a difference the month's size explains", () => {
    expect(check([...steadyHot, ...closings("2026-10", 50, 17, { bucket: "hot" })])).toEqual([]);
    expect(check([...steadyHot, ...closings("2026-10", 19, 0, { bucket: "hot" })])).toEqual([]);
    expect(check([...HISTORY.slice(-1).flatMap((month) => closings(month, 59, 20, { bucket: "hot" })), ...closings("2026-10", 50, 0, { bucket: "hot" })])).toEqual([]);
    // 26% of 20 is outside 30–38%, but 20 leads cannot tell 26% from 34%.
    expect(check([...steadyHot, ...closings("2026-10", 23, 6, { bucket: "hot" })])).toEqual([]);
  });

  it("widens the band of a bucket whose rate swings from month to month", () => {
    const swinging = HISTORY.flatMap((month, i) => closings(month, 50, i % 2 === 0 ? 10 : 25, { bucket: "warm" }));
    expect(check([...swinging, ...closings("2026-10", 50, 10, { bucket: "warm" })])).toEqual([]);
    const [alert] = check([...swinging, ...closings("2026-10", 50, 2, { bucket: "warm" })]);
    expect(alert?.numbers.dispersion).toBeGreaterThan(5);
    expect(alert?.message).toMatch(/^Warm leads closed at 4% in October 2026, below their usual 2\d–4\d%\.$/);
  });

  it("judges only the window: later closes and closes over 12 months before do not count", () => {
    const month = [...closings("2026-10", 50, 6, { bucket: "hot" })];
    const noise = [...closings("2024-06", 500, 0, { bucket: "hot" }), ...closings("2026-11", 500, 500, { bucket: "hot" })];
    expect(check([...noise, ...steadyHot, ...month])).toEqual(check([...steadyHot, ...month]));
    expect(driftWindow("2026-10", "UTC")).toEqual({ from: Date.UTC(2025, 9, 1), before: Date.UTC(2026, 10, 1) });
    expect(check(steadyHot)).toEqual([]);
  });
});

describe("detectDrift: criterion separation", () => {
  const budget = (month: string, met: [number, number], unmet: [number, number]) => [
    ...closings(month, met[0], met[1], { criteria: { budget: "yes" } }),
    ...closings(month, unmet[0], unmet[1], { criteria: { budget: "no" } }),
  ];
  const predictive = HISTORY.flatMap((month) => budget(month, [30, 15], [30, 5]));

  it("alerts when a criterion that separated wins from losses stops: met vs not met this month", () => {
    const alerts = check([...predictive, ...budget("2026-10", [100, 21], [100, 19])]);
    expect(alerts).toEqual([
      {
        key: "criterion_separation:budget:2026-10",
        kind: "criterion_separation",
        subject: "budget",
        month: "2026-10",
        message: "'Budget' no longer predicts wins: 21% vs 19%",
        numbers: expect.objectContaining({ metClosed: 100, metWon: 21, unmetClosed: 100, unmetWon: 19, metRate: 0.21, unmetRate: 0.19, historyMetClosed: 360, historyMetWon: 180, historyUnmetClosed: 360, historyUnmetWon: 60, historyMetRate: 0.5 }),
      },
    ]);
  });

  it("counts an unknown or missing answer as not met", () => {
    const history = HISTORY.flatMap((month) => [...closings(month, 30, 15, { criteria: { budget: "yes" } }), ...closings(month, 15, 3, { criteria: { budget: "unknown" } }), ...closings(month, 15, 2)]);
    const [alert] = check([...history, ...closings("2026-10", 50, 10, { criteria: { budget: "yes" } }), ...closings("2026-10", 50, 10)]);
    expect(alert?.numbers).toMatchObject({ historyUnmetClosed: 360, historyUnmetWon: 60, unmetClosed: 50 });
  });

  it("raises nothing while the criterion still separates, if it never did, or for a small month's chance", () => {
    expect(check([...predictive, ...budget("2026-10", [100, 45], [100, 20])])).toEqual([]);
    const useless = HISTORY.flatMap((month) => budget(month, [30, 8], [30, 7]));
    expect(check([...useless, ...budget("2026-10", [100, 20], [100, 20])])).toEqual([]);
    // 3 of 10 either way: under 5 points, but 20 leads cannot show a 33-point gap is gone.
    expect(check([...predictive, ...budget("2026-10", [10, 3], [10, 3])])).toEqual([]);
    expect(check([...predictive, ...budget("2026-10", [20, 4], [20, 4])])).toHaveLength(1);
  });

  it("judges only the criteria it is given labels for", () => {
    const month = budget("2026-10", [100, 21], [100, 19]);
    expect(detectDrift([...predictive, ...month], { month: "2026-10", timezone: "UTC", criteriaLabels: {} })).toEqual([]);
  });
});

describe("detectDrift on a steady history", () => {
  it("raises nothing when the month closes exactly like every month before it", () => {
    const share = fc.record({ closed: fc.integer({ min: 20, max: 80 }), wonShare: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(fc.constantFrom(...BUCKETS), share, share, share, (bucket, scored, met, unmet) => {
        const won = (s: { closed: number; wonShare: number }) => Math.round(s.closed * s.wonShare);
        const monthOf = (month: string) => [
          ...closings(month, scored.closed, won(scored), { bucket }),
          ...closings(month, met.closed, won(met), { criteria: { budget: "yes" } }),
          ...closings(month, unmet.closed, won(unmet), { criteria: { budget: "no" } }),
        ];
        expect(check([...HISTORY, "2026-10"].flatMap(monthOf))).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});
