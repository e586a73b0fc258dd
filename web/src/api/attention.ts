import type { AttentionItemDtoType } from "../../../src/http/routes/attention/attention.schemas.js";
import { apiRequest } from "./client.js";

/** A lead that needs someone now: why (most urgent reason first), its next step, stage, days there and value. */
export type AttentionItem = AttentionItemDtoType;
export type AttentionReasonCode = AttentionItem["reasons"][number]["code"];

/** Open leads that need attention, most urgent first: the caller's own, or for managers the team's (or one owner's). */
export async function getAttention(params: { ownerId?: string; limit?: number }, signal?: AbortSignal): Promise<AttentionItem[]> {
  const page = await apiRequest<{ items: AttentionItem[] }>("/api/v1/attention", { query: params, signal });
  return page.items;
}
