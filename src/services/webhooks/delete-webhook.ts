import type { Actor } from "../../domain/lead/lead-event.js";
import { appendEvents } from "../../store/events.js";
import { deleteMessagesOfSubscription } from "../../store/outbox.js";
import { deleteWebhookSubscription, findWebhookSubscription } from "../../store/webhook-subscriptions.js";
import type { ServiceContext } from "../context.js";
import { webhookNotFound } from "./change-webhook.js";

/** Deletes a subscription with its queued messages and delivery log, and appends `webhook_deleted`. */
export async function deleteWebhook(ctx: ServiceContext, id: string, actor: Actor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const subscription = await findWebhookSubscription(trx, id);
    if (!subscription) throw webhookNotFound();
    await deleteMessagesOfSubscription(trx, id);
    await deleteWebhookSubscription(trx, id);
    await appendEvents(trx, [{ leadId: null, type: "webhook_deleted", actor, at: ctx.clock.now(), data: { webhookId: id, url: subscription.url } }]);
  });
}
