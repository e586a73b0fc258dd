import type { Availability } from "../../../services/routing-config/read-availability.js";
import type { OutOfOffice } from "../../../store/out-of-office.js";
import { isoOf } from "../../instants.js";
import type { AvailabilityDtoType, OutOfOfficeDtoType } from "./availability.schemas.js";

/** An out-of-office period with ISO times. */
export function presentOutOfOffice(period: OutOfOffice): OutOfOfficeDtoType {
  return { id: period.id, startsAt: isoOf(period.startsAt), endsAt: isoOf(period.endsAt), note: period.note };
}

/** A person's availability as the API shows it. */
export function presentAvailability({ user, profile, openLeads, outOfOffice }: Availability): AvailabilityDtoType {
  const { workingHours, capacity, routingWeight, backupUserId, managerId } = profile;
  return { userId: user.id, timezone: user.timezone, workingHours, capacity, routingWeight, backupUserId, managerId, openLeads, outOfOffice: outOfOffice.map(presentOutOfOffice) };
}
