import type { BusinessCalendar } from "../../../src/domain/sla/business-hours.js";
import { apiRequest } from "./client.js";

export type { BusinessCalendar, WeeklyHours } from "../../../src/domain/sla/business-hours.js";

export type OutOfOfficePeriod = { id: string; startsAt: string; endsAt: string; note: string | null };

/** How routing treats one person: hours, capacity, weight, backup and manager, and time off. */
export type Availability = {
  userId: string;
  timezone: string;
  workingHours: BusinessCalendar | null;
  capacity: number | null;
  routingWeight: number;
  backupUserId: string | null;
  managerId: string | null;
  openLeads: number;
  outOfOffice: OutOfOfficePeriod[];
};

export type AvailabilityChange = Pick<Availability, "timezone" | "workingHours" | "capacity" | "routingWeight" | "backupUserId" | "managerId">;

const userPath = (userId: string) => `/api/v1/users/${encodeURIComponent(userId)}`;

/** One person's availability. */
export async function getAvailability(userId: string, signal?: AbortSignal): Promise<Availability> {
  return apiRequest<Availability>(`${userPath(userId)}/availability`, { signal });
}

/** Replaces one person's hours, capacity, weight, backup and manager. */
export async function saveAvailability(userId: string, change: AvailabilityChange): Promise<Availability> {
  return apiRequest<Availability>(`${userPath(userId)}/availability`, { method: "PUT", body: change });
}

/** Adds a period during which routing skips the person. */
export async function addOutOfOffice(userId: string, period: Omit<OutOfOfficePeriod, "id">): Promise<OutOfOfficePeriod> {
  return apiRequest<OutOfOfficePeriod>(`${userPath(userId)}/out-of-office`, { method: "POST", body: period });
}

/** Removes an out-of-office period. */
export async function removeOutOfOffice(userId: string, periodId: string): Promise<void> {
  await apiRequest<void>(`${userPath(userId)}/out-of-office/${encodeURIComponent(periodId)}`, { method: "DELETE" });
}
