import type { Static } from "typebox";
import type { Touch } from "../../../src/domain/touches/touch.js";
import type { HandoffChecklistDto, HandOffBody, LogTouchResponse } from "../../../src/http/routes/lead-work/lead-work.schemas.js";
import { apiRequest } from "./client.js";
import { type Lead, leadPath } from "./leads.js";

/** The touch body; from the domain type because the schema's channel union, built by `.map`, is `never` to `Static`. */
export type NewTouch = Pick<Touch, "channel" | "direction"> & Partial<Pick<Touch, "outcome" | "durationSeconds" | "notes">>;
export type HandoffChecklist = Static<typeof HandoffChecklistDto>;
export type NewHandoff = Static<typeof HandOffBody>;

/** A person's open leads, most urgent first; without `userId`, the caller's own. */
export async function getQueue(userId: string | undefined, signal?: AbortSignal): Promise<Lead[]> {
  const page = await apiRequest<{ items: Lead[] }>("/api/v1/queue", { query: { userId }, signal });
  return page.items;
}

/** Logs a call, email, SMS, LinkedIn message or meeting; says whether it stopped the SLA clock. */
export async function logTouch(leadId: string, touch: NewTouch): Promise<Static<typeof LogTouchResponse>> {
  return apiRequest(`${leadPath(leadId)}/touches`, { method: "POST", body: touch });
}

/** The handoff checklist pre-filled from the lead and its timeline. */
export async function getHandoffDraft(leadId: string, signal?: AbortSignal): Promise<HandoffChecklist> {
  return apiRequest<HandoffChecklist>(`${leadPath(leadId)}/handoff-draft`, { signal });
}

/** Hands the lead to someone else with its context. */
export async function handOff(leadId: string, handoff: NewHandoff): Promise<{ lead: Lead }> {
  return apiRequest<{ lead: Lead }>(`${leadPath(leadId)}/handoffs`, { method: "POST", body: handoff });
}
