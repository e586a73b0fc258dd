import { type Lead, leadDisplayName } from "../../../domain/lead/lead.js";
import type { LeadEvent } from "../../../domain/lead/lead-event.js";
import type { LeadSla } from "../../../store/lead-sla.js";
import { isoOf, isoOrNull } from "../../instants.js";
import type { EventDtoType, LeadDtoType } from "./leads.schemas.js";

/** The API shape of a lead, with its SLA clock when it has one. */
export function presentLead(lead: Lead, sla?: LeadSla): LeadDtoType {
  const { createdAt, updatedAt, ...rest } = lead;
  return {
    ...rest,
    displayName: leadDisplayName(lead),
    sla: sla
      ? { policyId: sla.policyId, status: sla.status, startedAt: isoOf(sla.startedAt), warnAt: isoOf(sla.warnAt), dueAt: isoOf(sla.dueAt), firstResponseAt: isoOrNull(sla.firstResponseAt) }
      : null,
    createdAt: isoOf(createdAt),
    updatedAt: isoOf(updatedAt),
  };
}

/** The API shape of a timeline event. */
export function presentEvent(event: LeadEvent): EventDtoType {
  return { id: event.id, type: event.type, actor: event.actor, at: isoOf(event.at), data: event.data };
}
