import { IANAZone } from "luxon";
import type { Lead } from "../lead/lead.js";

/** Whether a name is an IANA zone, remembered: asking ICU costs a few hundred µs, and every step planned asks. */
const isZoneByName = new Map<string, boolean>();
const MAX_REMEMBERED = 1_000;

function isZone(name: string): boolean {
  let isValid = isZoneByName.get(name);
  if (isValid === undefined) {
    isValid = IANAZone.isValidZone(name);
    if (isZoneByName.size < MAX_REMEMBERED) isZoneByName.set(name, isValid);
  }
  return isValid;
}

/**
 * The zone a lead's send windows are read in: the lead's custom field `timezone` when it names a
 * real IANA zone, else the owner's zone, else UTC.
 */
export function leadTimeZone(lead: Pick<Lead, "custom">, ownerTimezone: string | null): string {
  const own = lead.custom["timezone"];
  if (typeof own === "string" && isZone(own.trim())) return own.trim();
  if (ownerTimezone !== null && isZone(ownerTimezone)) return ownerTimezone;
  return "UTC";
}
