import type { Static } from "typebox";
import type { AddSuppressionBody, SuppressionDtoType } from "../../../src/http/routes/suppressions/suppressions.schemas.js";
import { apiRequest } from "./client.js";

/** An address or domain no sequence email may go to: opted out (permanent), bounced, or added by hand. */
export type Suppression = SuppressionDtoType;
export type NewSuppression = Static<typeof AddSuppressionBody>;

const SUPPRESSIONS = "/api/v1/suppressions";

/** One page of the list, newest first, optionally only values containing `search`. */
export async function listSuppressions(query: { search: string; limit: number; offset: number }, signal?: AbortSignal): Promise<Suppression[]> {
  const page = await apiRequest<{ items: Suppression[] }>(SUPPRESSIONS, { query, signal });
  return page.items;
}

export async function addSuppression(input: NewSuppression): Promise<Suppression> {
  return apiRequest<Suppression>(SUPPRESSIONS, { method: "POST", body: input });
}

/** Removes an entry added by hand or from a bounce; opt-outs are permanent (409). */
export async function removeSuppression(value: string): Promise<void> {
  await apiRequest<void>(`${SUPPRESSIONS}/${encodeURIComponent(value)}`, { method: "DELETE" });
}
