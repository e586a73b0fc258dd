import { CLOSED_STAGES } from "./routing-profiles.js";
import type { Executor } from "./engine.js";
import { leadRowToLead } from "./leads.js";
import type { Lead } from "../domain/lead/lead.js";

/**
 * A person's open leads, most urgent first: leads still waiting for a first response by their
 * SLA deadline (breached ones are simply the earliest), then the rest, newest first. Later
 * work (next steps, replies) adds its own urgency here.
 */
export async function listOwnerQueue(db: Executor, ownerId: string, limit: number): Promise<Lead[]> {
  const rows = await db
    .selectFrom("leads")
    .leftJoin("lead_sla", "lead_sla.lead_id", "leads.id")
    .selectAll("leads")
    .select((eb) =>
      eb
        .case()
        .when(eb.and([eb("lead_sla.first_response_at", "is", null), eb("lead_sla.due_at", "is not", null)]))
        .then(0)
        .else(1)
        .end()
        .as("waiting_rank"),
    )
    .where("leads.owner_id", "=", ownerId)
    .where("leads.stage", "not in", CLOSED_STAGES)
    .orderBy("waiting_rank")
    .orderBy("lead_sla.due_at")
    .orderBy("leads.created_at", "desc")
    .limit(limit)
    .execute();
  return rows.map(leadRowToLead);
}
