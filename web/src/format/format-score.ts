import type { Bucket, IntentLevel, IntentSignalKind } from "../api/scoring.js";

export const BUCKET_LABELS: Record<Bucket, string> = { hot: "Hot", warm: "Warm", cold: "Cold", unqualified: "Unqualified" };

export const INTENT_LEVEL_LABELS: Record<IntentLevel, string> = { high: "High intent", medium: "Medium intent", low: "Low intent" };

/** What each signal kind is, as the rules editor offers it. */
export const SIGNAL_LABELS: Record<IntentSignalKind, string> = {
  captured: "Captured (form, import, API)",
  page_view: "Visited a page",
  content: "Engaged with content",
  replied: "Replied",
  meeting_booked: "Booked a meeting",
  meeting_held: "Attended a meeting",
  inbound_touch: "Called or wrote in",
};

/** "+25", "−10" (a true minus sign), "0"; fractions of a point to one decimal. */
export function formatPoints(points: number): string {
  const rounded = Math.round(points * 10) / 10;
  if (rounded === 0) return "0";
  return `${rounded > 0 ? "+" : "−"}${Math.abs(rounded)}`;
}

/** A share in [0, 1] as "37%"; one decimal under 10% so small rates do not read as 0%. */
export function formatShare(share: number): string {
  const percent = share * 100;
  return `${percent > 0 && percent < 10 ? Math.round(percent * 10) / 10 : Math.round(percent)}%`;
}

/** A close rate with the counts behind it: "12 of 40 won (30%)"; "none closed" when there is nothing to divide. */
export function formatCloseRate({ closed, won }: { closed: number; won: number }): string {
  return closed === 0 ? "none closed" : `${won} of ${closed} won (${formatShare(won / closed)})`;
}

/** "2026-03" as "Mar 2026". */
export function formatMonth(month: string): string {
  const [year, number] = month.split("-").map(Number);
  if (year === undefined || number === undefined || !Number.isInteger(year) || !Number.isInteger(number)) return month;
  return new Intl.DateTimeFormat("en", { month: "short", year: "numeric", timeZone: "UTC" }).format(Date.UTC(year, number - 1, 1));
}
