import type { EmailMessagePayload, SlackMessagePayload } from "../../domain/notifications/notification-payloads.js";
import { timeOrderedIds } from "../../ids.js";
import type { Executor } from "../../store/engine.js";
import { enqueueMessages } from "../../store/outbox.js";

/**
 * `key` makes a notification idempotent: enqueueing the same key twice sends once (e.g.
 * `slack:sla_breached:lead_123`). Call inside the transaction that decided to notify.
 */
export type Keyed<Payload> = Payload & { key: string };

/** Enqueues a Slack message (lead summary, SLA deadline, link), sent by the worker after commit. */
export async function enqueueSlackMessage(trx: Executor, message: Keyed<SlackMessagePayload>, now: number): Promise<void> {
  const { key, ...payload } = message;
  await enqueueMessages(trx, [{ id: timeOrderedIds("msg"), key, channel: "slack", payload, availableAt: now }], now);
}

/** Enqueues an email, sent by the worker after commit with a Message-ID derived from the outbox id. */
export async function enqueueEmail(trx: Executor, message: Keyed<EmailMessagePayload>, now: number): Promise<void> {
  const { key, ...payload } = message;
  await enqueueMessages(trx, [{ id: timeOrderedIds("msg"), key, channel: "email", payload, availableAt: now }], now);
}
