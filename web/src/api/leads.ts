import type { Static } from "typebox";
import type { EventDtoType, LeadDtoType, LeadListQuery } from "../../../src/http/routes/leads/leads.schemas.js";
import { apiRequest } from "./client.js";

/** The API address of one lead; its sub-resources hang below it. */
export const leadPath = (id: string) => `/api/v1/leads/${encodeURIComponent(id)}`;

/** Types come from the API's own route schemas, so the client cannot drift from the server. */
export type Lead = LeadDtoType;
export type TimelineEvent = EventDtoType;
export type LeadListParams = Static<typeof LeadListQuery>;
export type LeadPage = { items: Lead[]; nextCursor: string | null };
export type LeadWithTimeline = { lead: Lead; timeline: TimelineEvent[] };

/** One page of leads matching the filters. */
export async function listLeads(params: LeadListParams, signal?: AbortSignal): Promise<LeadPage> {
  return apiRequest<LeadPage>("/api/v1/leads", { query: params, signal });
}

/** One lead and its whole timeline. */
export async function getLead(id: string, signal?: AbortSignal): Promise<LeadWithTimeline> {
  return apiRequest<LeadWithTimeline>(leadPath(id), { signal });
}
