import type { Static } from "typebox";
import type { CreatedWebhookResponse, DeliveryAttemptDtoType, WebhookDtoType } from "../../../src/http/routes/webhooks/webhooks.schemas.js";
import { apiRequest } from "./client.js";

export { WEBHOOK_EVENT_TYPES } from "../../../src/domain/notifications/webhook-event-type.js";

export type Webhook = WebhookDtoType;
export type CreatedWebhook = Static<typeof CreatedWebhookResponse>;
export type DeliveryAttempt = DeliveryAttemptDtoType;

const WEBHOOKS = "/api/v1/webhooks";

/** Every webhook subscription. */
export async function listWebhooks(signal?: AbortSignal): Promise<Webhook[]> {
  const page = await apiRequest<{ items: Webhook[] }>(WEBHOOKS, { signal });
  return page.items;
}

/** Subscribes a URL to event types; the answer carries the signing secret, shown this once. */
export async function createWebhook(input: { url: string; eventTypes: string[] }): Promise<CreatedWebhook> {
  return apiRequest<CreatedWebhook>(WEBHOOKS, { method: "POST", body: input });
}

/** Pauses or resumes a subscription, or changes its URL or event types. */
export async function changeWebhook(id: string, change: { url?: string; eventTypes?: string[]; isActive?: boolean }): Promise<Webhook> {
  return apiRequest<Webhook>(`${WEBHOOKS}/${encodeURIComponent(id)}`, { method: "PATCH", body: change });
}

/** Deletes a subscription. */
export async function deleteWebhook(id: string): Promise<void> {
  await apiRequest<void>(`${WEBHOOKS}/${encodeURIComponent(id)}`, { method: "DELETE" });
}

/** The latest delivery attempts of a subscription, one row per attempt. */
export async function listDeliveries(id: string, signal?: AbortSignal): Promise<DeliveryAttempt[]> {
  const page = await apiRequest<{ items: DeliveryAttempt[] }>(`${WEBHOOKS}/${encodeURIComponent(id)}/deliveries`, { signal });
  return page.items;
}
