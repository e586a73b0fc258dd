import { type DemoCountry, DEMO_COUNTRIES } from "./demo-countries.js";
import { streamFor } from "./seeded-random.js";
import { instantOfWallClock, weekdayOf } from "./zoned-time.js";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../time.js";

/** A lead arriving: when, and from where. */
export type Arrival = { createdAt: number; country: DemoCountry; timeZone: string };

/** Relative volume by weekday, Sunday first: B2B forms fill on weekdays, Tuesday peaks, weekends a quarter of that. */
const WEEKDAY_WEIGHTS = [0.25, 1.15, 1.2, 1.15, 1.1, 0.9, 0.25];
const MEAN_WEEKDAY_WEIGHT = WEEKDAY_WEIGHTS.reduce((sum, w) => sum + w, 0) / 7;

/** Relative volume by local hour: a morning peak at 10:00, a lunch dip, an afternoon peak, evenings at a third. */
const HOUR_WEIGHTS = [0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 0.6, 1, 1.4, 1.5, 1.4, 1, 1.1, 1.3, 1.3, 1.1, 0.8, 0.6, 0.5, 0.5, 0.4, 0.3, 0.2];
const HOURS = [...HOUR_WEIGHTS.keys()];

/**
 * Volume grows linearly from 80% to 120% of `leadsPerDay` over the period (mean 100%): marketing
 * buys more leads while the team stays the same size, which is what slows first response later.
 */
const GROWTH_FROM = 0.8;
const GROWTH_TO = 1.2;

/**
 * When leads arrive over `[startAt, endAt)`, in time order: a Poisson count per calendar day
 * (weekday pattern × growth), each lead at a local hour of its own time zone.
 */
export function planArrivals(seed: number, startAt: number, endAt: number, leadsPerDay: number): Arrival[] {
  const arrivals: Arrival[] = [];
  const firstDay = Math.floor(startAt / DAY_MS) * DAY_MS;
  for (let day = firstDay; day < endAt; day += DAY_MS) {
    const random = streamFor(seed, "arrivals", day);
    const growth = GROWTH_FROM + (GROWTH_TO - GROWTH_FROM) * Math.min(1, Math.max(0, (day - startAt) / (endAt - startAt)));
    const weekday = WEEKDAY_WEIGHTS[weekdayOf(day)]! / MEAN_WEEKDAY_WEIGHT;
    const count = random.poisson(leadsPerDay * weekday * growth);
    for (let i = 0; i < count; i++) {
      const country = random.pickWeighted(DEMO_COUNTRIES, (c) => c.share);
      const timeZone = random.pickWeighted(country.timeZones, (z) => z.share).zone;
      const wall = day + random.pickWeighted(HOURS, (h) => HOUR_WEIGHTS[h]!) * HOUR_MS + random.between(0, 60) * MINUTE_MS;
      const createdAt = Math.round(instantOfWallClock(wall, timeZone));
      if (createdAt >= startAt && createdAt < endAt) arrivals.push({ createdAt, country, timeZone });
    }
  }
  return arrivals.sort((a, b) => a.createdAt - b.createdAt);
}
