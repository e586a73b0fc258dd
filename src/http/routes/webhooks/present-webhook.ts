import type { DeliveryAttempt } from "../../../store/delivery-attempts.js";
import type { WebhookSubscription } from "../../../store/webhook-subscriptions.js";
import { isoOf } from "../../instants.js";
import type { DeliveryAttemptDtoType, WebhookDtoType } from "./webhooks.schemas.js";

/** A subscription as the API lists it: never the secret. */
export function presentWebhook(subscription: WebhookSubscription): WebhookDtoType {
  const { id, url, eventTypes, isActive, createdBy, createdAt } = subscription;
  return { id, url, eventTypes, isActive, createdBy, createdAt: isoOf(createdAt) };
}

/** One attempt in a subscription's delivery log. */
export function presentDeliveryAttempt(attempt: DeliveryAttempt): DeliveryAttemptDtoType {
  const body = (attempt.payload as { body?: { type?: unknown } } | null)?.body;
  return {
    messageId: attempt.messageId,
    eventType: typeof body?.type === "string" ? body.type : null,
    attempt: attempt.attempt,
    at: isoOf(attempt.at),
    outcome: attempt.outcome,
    statusCode: attempt.statusCode,
    error: attempt.error,
    durationMs: attempt.durationMs,
  };
}
