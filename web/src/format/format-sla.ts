import type { Lead } from "../api/leads.js";

/** How urgent a lead's first response is; each tone also has its own words, so colour is never the only signal. */
export type SlaTone = "running" | "warning" | "overdue" | "met" | "late";

export type SlaDisplay = { tone: SlaTone; text: string };

const MINUTE_MS = 60_000;

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** "4:07", "1:04:07", "2 d 3 h": time left, precise to the second while it matters. */
export function formatRemaining(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours}:${pad(minutes)}:${pad(seconds)}`;
  return `${minutes}:${pad(seconds)}`;
}

/** "12 min", "2 h 5 min", "3 d 4 h": a past span, to the minute. */
export function formatMinutes(totalMinutes: number): string {
  const minutes = Math.max(0, Math.floor(totalMinutes));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `${Math.floor(minutes / 1440)} d ${Math.floor((minutes % 1440) / 60)} h`;
}

/** Whether nobody has answered the lead and its deadline has passed (even if the worker has not recorded the breach yet). */
export function isSlaOverdue(sla: Lead["sla"], now: number): boolean {
  return sla !== null && sla.firstResponseAt === null && (sla.status === "breached" || now >= Date.parse(sla.dueAt));
}

/** The SLA clock in words at `now`: time left, overdue by how long, or how fast the first response came. */
export function describeSla(sla: NonNullable<Lead["sla"]>, now: number): SlaDisplay {
  const startedAt = Date.parse(sla.startedAt);
  const dueAt = Date.parse(sla.dueAt);
  if (sla.firstResponseAt !== null) {
    const responseMinutes = (Date.parse(sla.firstResponseAt) - startedAt) / MINUTE_MS;
    // Breached stays breached after a late answer (the API says so); say both.
    if (sla.status === "breached") return { tone: "late", text: `Breached, answered after ${formatMinutes(responseMinutes)}` };
    return { tone: "met", text: `Met in ${formatMinutes(responseMinutes)}` };
  }
  if (isSlaOverdue(sla, now)) return { tone: "overdue", text: `Overdue ${formatMinutes(Math.max(1, (now - dueAt) / MINUTE_MS))}` };
  const left = `${formatRemaining(dueAt - now)} left`;
  // A policy with warning share 0 never warns; its warnAt equals startedAt.
  const warnAt = Date.parse(sla.warnAt);
  return warnAt > startedAt && now >= warnAt ? { tone: "warning", text: `Due soon: ${left}` } : { tone: "running", text: left };
}
