import type { Static } from "typebox";
import type { AvailabilityDtoType, OutOfOfficeDtoType, SetAvailabilityBody } from "../../../src/http/routes/availability/availability.schemas.js";
import { apiRequest } from "./client.js";

export type { BusinessCalendar, WeeklyHours } from "../../../src/domain/sla/business-hours.js";

/** How routing treats one person (hours, capacity, weight, backup, manager, time off), typed from the availability route's schema. */
export type Availability = AvailabilityDtoType;
export type OutOfOfficePeriod = OutOfOfficeDtoType;
/** The whole profile, replaced at once; `timezone`, when given, changes the person's own zone too. */
export type AvailabilityChange = Static<typeof SetAvailabilityBody>;

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
