import { IANAZone } from "luxon";
import type { Lead } from "../lead/lead.js";

/**
 * The zone a lead's send windows are read in: the lead's custom field `timezone` when it names a
 * real IANA zone, else the owner's zone, else UTC.
 */
export function leadTimeZone(lead: Pick<Lead, "custom">, ownerTimezone: string | null): string {
  const own = lead.custom["timezone"];
  if (typeof own === "string" && IANAZone.isValidZone(own.trim())) return own.trim();
  if (ownerTimezone !== null && IANAZone.isValidZone(ownerTimezone)) return ownerTimezone;
  return "UTC";
}
