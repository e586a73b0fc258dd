import type { SequencePurpose, StepChannel } from "../../api/sequences.js";

export const CHANNEL_LABELS: Record<StepChannel, string> = { email: "Email (sent automatically)", call: "Call (task)", linkedin: "LinkedIn (task)", sms: "SMS by hand (task)" };

/** Short channel names for lists. */
export const CHANNEL_NAMES: Record<StepChannel, string> = { email: "Email", call: "Call", linkedin: "LinkedIn", sms: "SMS" };

export const PURPOSE_LABELS: Record<SequencePurpose, string> = { follow_up: "Follow-up", nurture: "Nurture" };

/** ISO weekdays, 1 = Monday … 7 = Sunday, as the send window stores them. */
export const WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/** 540 → "09:00", as a time box holds it; 1440 (end of day) → "24:00". */
export function timeOfMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** "09:30" → 570; "24:00" → 1440; anything else → null. */
export function minuteOfTime(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const minute = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minute <= 1440 ? minute : null;
}

/** "Mon–Fri 09:00–17:00", "Mon, Wed 10:00–12:00", "Every day 08:00–20:00". */
export function windowText(window: { startMinute: number; endMinute: number; weekdays: number[] }): string {
  const days = [...window.weekdays].sort((a, b) => a - b);
  const isRun = days.length > 2 && days.every((day, index) => index === 0 || day === days[index - 1]! + 1);
  const dayText = days.length === 7 ? "Every day" : isRun ? `${WEEKDAY_NAMES[days[0]! - 1]}–${WEEKDAY_NAMES[days.at(-1)! - 1]}` : days.map((day) => WEEKDAY_NAMES[day - 1]).join(", ");
  return `${dayText} ${timeOfMinute(window.startMinute)}–${timeOfMinute(window.endMinute)}`;
}

/** "Day 0", "Day 2". */
export const dayText = (dayOffset: number) => `Day ${dayOffset}`;
