import type { Lead } from "../../domain/lead/lead.js";
import { leadTimeZone } from "../../domain/sequences/lead-time-zone.js";
import type { Executor } from "../../store/engine.js";
import { findUserById } from "../../store/users.js";

/** The time zone a lead's send windows are read in: the lead's own, else its owner's, else UTC. */
export async function zoneOfLead(trx: Executor, lead: Pick<Lead, "custom" | "ownerId">): Promise<string> {
  const owner = lead.ownerId ? await findUserById(trx, lead.ownerId) : undefined;
  return leadTimeZone(lead, owner?.timezone ?? null);
}
