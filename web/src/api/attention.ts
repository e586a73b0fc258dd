import { apiRequest } from "./client.js";
import type { Lead } from "./leads.js";
import type { NextStep } from "./lead-pipeline.js";

/** Why a lead needs someone now, most urgent first. */
export type AttentionReasonCode = "sla_breached" | "reply_waiting" | "next_step_overdue" | "sla_at_risk" | "no_next_step" | "stalled";

export type AttentionItem = {
  lead: Lead;
  reasons: { code: AttentionReasonCode; detail: string }[];
  nextStep: NextStep | null;
  stage: string;
  daysInStage: number;
  value: number | null;
};

/** Open leads that need attention, most urgent first: the caller's own, or for managers the team's (or one owner's). */
export async function getAttention(params: { ownerId?: string; limit?: number }, signal?: AbortSignal): Promise<AttentionItem[]> {
  const page = await apiRequest<{ items: AttentionItem[] }>("/api/v1/attention", { query: params, signal });
  return page.items;
}
