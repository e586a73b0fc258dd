import { type Lead, leadDisplayName } from "../../../domain/lead/lead.js";
import type { LeadEvent } from "../../../domain/lead/lead-event.js";
import type { LeadSla } from "../../../store/lead-sla.js";
import type { EventDtoType, LeadDtoType } from "./leads.schemas.js";

const iso = (at: number): string => new Date(at).toISOString();

/** The API shape of a lead, with its SLA clock when it has one. */
export function presentLead(lead: Lead, sla?: LeadSla): LeadDtoType {
  const { createdAt, updatedAt, ...rest } = lead;
  return {
    ...rest,
    displayName: leadDisplayName(lead),
    sla: sla
      ? { policyId: sla.policyId, status: sla.status, startedAt: iso(sla.startedAt), warnAt: iso(sla.warnAt), dueAt: iso(sla.dueAt), firstResponseAt: sla.firstResponseAt === null ? null : iso(sla.firstResponseAt) }
      : null,
    createdAt: iso(createdAt),
    updatedAt: iso(updatedAt),
  };
}

/** The API shape of a timeline event. */
export function presentEvent(event: LeadEvent): EventDtoType {
  return { id: event.id, type: event.type, actor: event.actor, at: new Date(event.at).toISOString(), data: event.data };
}
