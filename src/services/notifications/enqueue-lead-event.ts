import type { WebhookMessagePayload } from "../../domain/notifications/notification-payloads.js";
import type { WebhookEventType } from "../../domain/notifications/webhook-event-type.js";
import { timeOrderedIds } from "../../ids.js";
import type { Executor } from "../../store/engine.js";
import { enqueueMessages } from "../../store/outbox.js";
import { listSubscribersOf } from "../../store/webhook-subscriptions.js";

/** A lead event for webhook subscribers. */
export type LeadEventNotice = {
  type: WebhookEventType;
  leadId: string;
  /** Sent as the body's `data`, after `leadId`. */
  data: Record<string, unknown>;
  /**
   * Makes the fan-out idempotent: enqueueing the same `eventKey` again adds nothing (e.g.
   * `sla_breached:lead_123`). Default: a fresh id, so every call is a new event.
   */
  eventKey?: string;
};

/**
 * Inside the caller's transaction, enqueues one webhook message per active subscription whose
 * event types include `event.type`; the worker signs and sends them after commit (and they
 * vanish with a rollback). Returns how many were enqueued. Body, per Standard Webhooks:
 * `{ type, timestamp, data: { leadId, ...data } }`.
 */
export async function enqueueLeadEvent(trx: Executor, event: LeadEventNotice, now: number): Promise<number> {
  return enqueueLeadEvents(trx, [event], now);
}

/**
 * `enqueueLeadEvent` for many events at once: one subscriber query per event type and one
 * insert, which keeps a 1,000-lead batch capture from running 2,000 queries.
 */
export async function enqueueLeadEvents(trx: Executor, events: readonly LeadEventNotice[], now: number): Promise<number> {
  const subscribersByType = new Map<WebhookEventType, Awaited<ReturnType<typeof listSubscribersOf>>>();
  for (const type of new Set(events.map((event) => event.type))) subscribersByType.set(type, await listSubscribersOf(trx, type));
  const messages = events.flatMap((event) => {
    const subscribers = subscribersByType.get(event.type) ?? [];
    const eventKey = event.eventKey ?? timeOrderedIds("evt");
    const body = { type: event.type, timestamp: new Date(now).toISOString(), data: { leadId: event.leadId, ...event.data } };
    return subscribers.map((subscription) => {
      const payload: WebhookMessagePayload = { subscriptionId: subscription.id, body };
      return { id: timeOrderedIds("msg"), key: `webhook:${subscription.id}:${eventKey}`, channel: "webhook", payload, subscriptionId: subscription.id, availableAt: now };
    });
  });
  if (messages.length > 0) await enqueueMessages(trx, messages, now);
  return messages.length;
}
