import { type BusinessCalendar, isWithinBusinessHours } from "../sla/business-hours.js";

/** What routing needs to know about a person at the moment of routing. */
export type RoutingCandidate = {
  userId: string;
  name: string;
  isActive: boolean;
  /** Their own working hours; null means they take leads at any hour. */
  workingHours: BusinessCalendar | null;
  outOfOffice: { startsAt: number; endsAt: number }[];
  /** Most open leads they should hold; null means no limit. */
  capacity: number | null;
  openLeads: number;
  /** Share in weighted round robin (1 = normal). */
  routingWeight: number;
};

/** Why a person cannot take a lead now, or null when they can. */
export function unavailabilityReason(candidate: RoutingCandidate, now: number): string | null {
  if (!candidate.isActive) return "inactive";
  if (candidate.outOfOffice.some((period) => period.startsAt <= now && now < period.endsAt)) return "out of office";
  if (candidate.workingHours && !isWithinBusinessHours(candidate.workingHours, now)) return "outside working hours";
  if (candidate.capacity !== null && candidate.openLeads >= candidate.capacity) return `at capacity (${candidate.openLeads} of ${candidate.capacity})`;
  return null;
}
