import type { Kysely } from "kysely";

/**
 * Links webhook messages to their subscription, so a subscription's delivery log is one indexed
 * query and deleting a subscription can drop its undelivered messages.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("outbox").addColumn("subscription_id", "text").execute();
  await db.schema.createIndex("outbox_subscription").on("outbox").columns(["subscription_id", "created_at"]).execute();
}
