import { type Lead, leadDisplayName } from "../../domain/lead/lead.js";

/** What a webhook subscriber gets to know about a lead in every event, besides its id. */
export function leadSummary(lead: Lead): Record<string, unknown> {
  return {
    name: leadDisplayName(lead),
    email: lead.email,
    phone: lead.phone,
    company: lead.company,
    source: lead.source,
    campaign: lead.campaign,
    ownerId: lead.ownerId,
    stage: lead.stage,
  };
}
