import type { Selectable } from "kysely";
import type { WebhookEventType } from "../domain/notifications/webhook-event-type.js";
import { type Executor, fromJsonColumn, toJsonColumn } from "./engine.js";
import type { WebhookSubscriptionTable } from "./schema.js";

/** An endpoint that receives signed webhooks for the event types it names. */
export type WebhookSubscription = {
  id: string;
  url: string;
  /** `whsec_…`, shown once on create. */
  secret: string;
  eventTypes: WebhookEventType[];
  isActive: boolean;
  createdBy: string | null;
  createdAt: number;
};

export type WebhookSubscriptionChanges = Partial<Pick<WebhookSubscription, "url" | "eventTypes" | "isActive">>;

function rowToSubscription(row: Selectable<WebhookSubscriptionTable>): WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    secret: row.secret,
    eventTypes: fromJsonColumn<WebhookEventType[]>(row.event_types),
    isActive: row.is_active === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** Inserts a subscription. */
export async function insertWebhookSubscription(db: Executor, subscription: WebhookSubscription): Promise<void> {
  await db
    .insertInto("webhook_subscriptions")
    .values({
      id: subscription.id,
      url: subscription.url,
      secret: subscription.secret,
      event_types: toJsonColumn(subscription.eventTypes),
      is_active: subscription.isActive ? 1 : 0,
      created_by: subscription.createdBy,
      created_at: subscription.createdAt,
    })
    .execute();
}

/** A subscription by id. */
export async function findWebhookSubscription(db: Executor, id: string): Promise<WebhookSubscription | undefined> {
  const row = await db.selectFrom("webhook_subscriptions").selectAll().where("id", "=", id).executeTakeFirst();
  return row && rowToSubscription(row);
}

/** Every subscription, oldest first. */
export async function listWebhookSubscriptions(db: Executor): Promise<WebhookSubscription[]> {
  const rows = await db.selectFrom("webhook_subscriptions").selectAll().orderBy("created_at").orderBy("id").execute();
  return rows.map(rowToSubscription);
}

/**
 * Active subscriptions that want `eventType`. Filtered here rather than in SQL: a workspace has
 * a handful of subscriptions, and JSON-array containment differs between the engines.
 */
export async function listSubscribersOf(db: Executor, eventType: WebhookEventType): Promise<WebhookSubscription[]> {
  const rows = await db.selectFrom("webhook_subscriptions").selectAll().where("is_active", "=", 1).orderBy("created_at").orderBy("id").execute();
  return rows.map(rowToSubscription).filter((subscription) => subscription.eventTypes.includes(eventType));
}

/** Applies changes; the updated subscription, or undefined when it does not exist. */
export async function updateWebhookSubscription(db: Executor, id: string, changes: WebhookSubscriptionChanges): Promise<WebhookSubscription | undefined> {
  const row = await db
    .updateTable("webhook_subscriptions")
    .set({
      ...(changes.url !== undefined ? { url: changes.url } : {}),
      ...(changes.eventTypes !== undefined ? { event_types: toJsonColumn(changes.eventTypes) } : {}),
      ...(changes.isActive !== undefined ? { is_active: changes.isActive ? 1 : 0 } : {}),
    })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
  return row && rowToSubscription(row);
}

/** Deletes a subscription; false when it did not exist. */
export async function deleteWebhookSubscription(db: Executor, id: string): Promise<boolean> {
  const result = await db.deleteFrom("webhook_subscriptions").where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
