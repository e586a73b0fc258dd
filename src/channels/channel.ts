import type { Static, TSchema } from "typebox";
import type { ChannelName } from "../domain/notifications/notification-payloads.js";
import type { RetryPolicy } from "../domain/work/retry-policy.js";
import type { Executor } from "../store/engine.js";

/**
 * How one attempt went. A permanent failure is dead at once (e.g. SMTP 550: no such mailbox). A
 * deferral is no attempt: the message was not sent because it may not go out yet (a sequence
 * email past its send window), and waits, without counting, until `deferredUntil`.
 */
export type DeliveryResult =
  /** `recordInTransaction`: the channel's own bookkeeping of the delivery, committed with the worker's record of it. */
  | { isDelivered: true; statusCode: number | null; recordInTransaction?: (trx: Executor) => Promise<void> }
  | { isDelivered: false; statusCode: number | null; error: string; isPermanent: boolean }
  | { isDelivered: false; deferredUntil: number; reason: string };

/** An outbox message as a channel sends it: `id` is the idempotency id the peer dedupes on. */
export type OutgoingMessage<Payload> = { id: string; attempt: number; payload: Payload };

/**
 * A way to reach the outside world. `payloadSchema` is checked by the worker before `deliver`;
 * `retry` says how often and how patiently to try. `deliver` reports peer failures as a result
 * and throws only for bugs (the worker counts a throw as a failed attempt too).
 */
export type Channel<Schema extends TSchema = TSchema> = {
  name: ChannelName;
  payloadSchema: Schema;
  retry: RetryPolicy;
  // Method syntax, so a Channel<WebhookSchema> fits in a Channel[] (parameters are checked bivariantly).
  deliver(message: OutgoingMessage<Static<Schema>>): Promise<DeliveryResult>;
};

/** A failed result. */
export function failedDelivery(error: string, options: { statusCode?: number | null; isPermanent?: boolean } = {}): DeliveryResult {
  return { isDelivered: false, error, statusCode: options.statusCode ?? null, isPermanent: options.isPermanent ?? false };
}
