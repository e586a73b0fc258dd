/** 540 → "09:00"; the end of the day (1440) shows as "00:00", which `endMinuteOf` reads back as 1440. */
export function timeOfMinute(minute: number): string {
  const wrapped = minute % 1440;
  return `${String(Math.floor(wrapped / 60)).padStart(2, "0")}:${String(wrapped % 60).padStart(2, "0")}`;
}

/** "09:30" → 570; null when the box is empty or half typed. */
export function startMinuteOf(time: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Like `startMinuteOf`, but midnight closes the day: a time box cannot say 24:00. */
export function endMinuteOf(time: string): number | null {
  const minute = startMinuteOf(time);
  return minute === 0 ? 1440 : minute;
}
