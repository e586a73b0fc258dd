import { type DeliveryAttempt, listDeliveryAttempts } from "../../store/delivery-attempts.js";
import { findWebhookSubscription, listWebhookSubscriptions, type WebhookSubscription } from "../../store/webhook-subscriptions.js";
import type { ServiceContext } from "../context.js";
import { webhookNotFound } from "./change-webhook.js";

/** Every webhook subscription, oldest first. */
export async function listWebhooks(ctx: ServiceContext): Promise<WebhookSubscription[]> {
  return listWebhookSubscriptions(ctx.db);
}

/** A subscription's delivery log, newest attempt first. */
export async function listWebhookDeliveries(ctx: ServiceContext, id: string, limit: number): Promise<DeliveryAttempt[]> {
  if (!(await findWebhookSubscription(ctx.db, id))) throw webhookNotFound();
  return listDeliveryAttempts(ctx.db, { subscriptionId: id }, limit);
}
