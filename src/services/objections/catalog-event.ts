import type { Actor, NewLeadEvent } from "../../domain/lead/lead-event.js";

/** The workspace event for a catalog edit: what changed, which row, and its new state. */
export function catalogChanged(actor: Actor, at: number, change: string, data: Record<string, unknown>): NewLeadEvent {
  return { leadId: null, type: "objection_catalog_changed", actor, at, data: { change, ...data } };
}
