import { type Lead, leadDisplayName } from "../../../domain/lead/lead.js";
import type { LeadEvent } from "../../../domain/lead/lead-event.js";
import type { EventDtoType, LeadDtoType } from "./leads.schemas.js";

/** The API shape of a lead. */
export function presentLead(lead: Lead): LeadDtoType {
  const { createdAt, updatedAt, ...rest } = lead;
  return { ...rest, displayName: leadDisplayName(lead), createdAt: new Date(createdAt).toISOString(), updatedAt: new Date(updatedAt).toISOString() };
}

/** The API shape of a timeline event. */
export function presentEvent(event: LeadEvent): EventDtoType {
  return { id: event.id, type: event.type, actor: event.actor, at: new Date(event.at).toISOString(), data: event.data };
}
