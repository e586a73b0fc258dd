import type { Clock } from "../clock.js";
import { WebhookMessagePayload } from "../domain/notifications/notification-payloads.js";
import { type Channel, failedDelivery } from "./channel.js";
import { postJson } from "./post-json.js";
import { signWebhook } from "./webhook-signature.js";

/** Where a subscription's messages go, read at delivery time so a changed URL or secret applies to queued messages too. */
export type WebhookEndpoint = { url: string; secret: string; isActive: boolean };

export type WebhookChannelOptions = {
  timeoutMs: number;
  clock: Clock;
  findEndpoint(subscriptionId: string): Promise<WebhookEndpoint | undefined>;
};

/**
 * Outbound webhooks signed per Standard Webhooks. `webhook-id` is the outbox message id, the
 * same on every retry, so the receiver can drop a message it already processed: delivery is
 * at least once, processing exactly once. 12 attempts from 5 s doubling to an hour apart span
 * about 2.4 hours, so a receiver down for an afternoon deploy still gets everything.
 */
export function createWebhookChannel(options: WebhookChannelOptions): Channel<typeof WebhookMessagePayload> {
  return {
    name: "webhook",
    payloadSchema: WebhookMessagePayload,
    retry: { maxAttempts: 12, backoffBaseMs: 5000, backoffMaxMs: 3_600_000 },
    async deliver(message) {
      const endpoint = await options.findEndpoint(message.payload.subscriptionId);
      if (!endpoint?.isActive) return failedDelivery("the webhook subscription was deleted or deactivated", { isPermanent: true });
      const body = JSON.stringify(message.payload.body);
      const timestampSeconds = Math.floor(options.clock.now() / 1000);
      const headers = {
        "webhook-id": message.id,
        "webhook-timestamp": String(timestampSeconds),
        "webhook-signature": signWebhook({ id: message.id, timestampSeconds, body, secret: endpoint.secret }),
      };
      return postJson(endpoint.url, body, headers, options.timeoutMs);
    },
  };
}
