import { randomBytes } from "node:crypto";
import type { Actor } from "../../domain/lead/lead-event.js";
import { appendEvents } from "../../store/events.js";
import { insertWebhookSubscription, type WebhookSubscription } from "../../store/webhook-subscriptions.js";
import type { ServiceContext } from "../context.js";
import { parseEventTypes, parseWebhookUrl } from "./webhook-input.js";

/** 24 random bytes (192 bits) behind `whsec_`, as the Standard Webhooks libraries generate. */
const SECRET_BYTES = 24;

export type CreateWebhookInput = { url: string; eventTypes: readonly string[]; isActive?: boolean | undefined };

/** Creates a subscription with a new `whsec_` signing secret and appends `webhook_created` (without the secret). */
export async function createWebhook(ctx: ServiceContext, input: CreateWebhookInput, actor: Actor): Promise<WebhookSubscription> {
  const now = ctx.clock.now();
  const subscription: WebhookSubscription = {
    id: ctx.ids("wh"),
    url: parseWebhookUrl(input.url),
    secret: `whsec_${randomBytes(SECRET_BYTES).toString("base64")}`,
    eventTypes: parseEventTypes(input.eventTypes),
    isActive: input.isActive ?? true,
    createdBy: actor,
    createdAt: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertWebhookSubscription(trx, subscription);
    const { id, url, eventTypes, isActive } = subscription;
    await appendEvents(trx, [{ leadId: null, type: "webhook_created", actor, at: now, data: { webhookId: id, url, eventTypes, isActive } }]);
  });
  return subscription;
}
