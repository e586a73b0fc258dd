import { DomainError } from "../../domain/errors.js";
import type { Actor } from "../../domain/lead/lead-event.js";
import { appendEvents } from "../../store/events.js";
import { findWebhookSubscription, updateWebhookSubscription, type WebhookSubscription, type WebhookSubscriptionChanges } from "../../store/webhook-subscriptions.js";
import type { ServiceContext } from "../context.js";
import { parseEventTypes, parseWebhookUrl } from "./webhook-input.js";

export type ChangeWebhookInput = { url?: string | undefined; eventTypes?: readonly string[] | undefined; isActive?: boolean | undefined };

/** The error for an unknown subscription id. */
export function webhookNotFound(): DomainError {
  return new DomainError("not_found", { message: "No webhook subscription has this id.", field: "id" });
}

function parseChanges(input: ChangeWebhookInput): WebhookSubscriptionChanges {
  return {
    ...(input.url !== undefined ? { url: parseWebhookUrl(input.url) } : {}),
    ...(input.eventTypes !== undefined ? { eventTypes: parseEventTypes(input.eventTypes) } : {}),
    ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
  };
}

/**
 * Changes a subscription's URL, event types or active flag and appends `webhook_changed`.
 * Queued messages follow: the worker reads the URL and secret when it sends, and drops messages
 * of a deactivated subscription as dead (retryable once it is active again).
 */
export async function changeWebhook(ctx: ServiceContext, id: string, input: ChangeWebhookInput, actor: Actor): Promise<WebhookSubscription> {
  const changes = parseChanges(input);
  return ctx.db.transaction().execute(async (trx) => {
    const changed = Object.keys(changes).length > 0 ? await updateWebhookSubscription(trx, id, changes) : await findWebhookSubscription(trx, id);
    if (!changed) throw webhookNotFound();
    await appendEvents(trx, [{ leadId: null, type: "webhook_changed", actor, at: ctx.clock.now(), data: { webhookId: id, ...changes } }]);
    return changed;
  });
}
