import type { Kysely } from "kysely";
import { engineOf, jsonColumnType } from "../engine.js";

/** Users, access, leads with their match keys, the event log, idempotency, forms, timers and outbox. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const engine = engineOf(db);
  const json = jsonColumnType(engine);
  const schema = db.schema;

  await schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("password_hash", "text")
    .addColumn("timezone", "text", (c) => c.notNull())
    .addColumn("is_active", "integer", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();

  await schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .execute();
  await schema.createIndex("sessions_user_id").on("sessions").column("user_id").execute();

  await schema
    .createTable("api_keys")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("prefix", "text", (c) => c.notNull())
    .addColumn("key_hash", "text", (c) => c.notNull().unique())
    .addColumn("scopes", json, (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("revoked_at", "bigint")
    .addColumn("last_used_at", "bigint")
    .execute();

  await schema
    .createTable("setup_tokens")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addColumn("used_at", "bigint")
    .execute();

  await schema
    .createTable("settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", json, (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();

  await schema
    .createTable("leads")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text")
    .addColumn("phone", "text")
    .addColumn("first_name", "text")
    .addColumn("last_name", "text")
    .addColumn("company", "text")
    .addColumn("title", "text")
    .addColumn("country", "text")
    .addColumn("source", "text")
    .addColumn("campaign", "text")
    .addColumn("channel", "text")
    .addColumn("utm_source", "text")
    .addColumn("utm_medium", "text")
    .addColumn("utm_campaign", "text")
    .addColumn("utm_term", "text")
    .addColumn("utm_content", "text")
    .addColumn("message", "text")
    .addColumn("custom", json, (c) => c.notNull())
    .addColumn("owner_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("is_opted_out", "integer", (c) => c.notNull())
    .addColumn("search_text", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  // The list screen sorts by created_at (and id as tie-break) and filters by these columns.
  await schema.createIndex("leads_created").on("leads").columns(["created_at", "id"]).execute();
  await schema.createIndex("leads_owner_created").on("leads").columns(["owner_id", "created_at"]).execute();
  await schema.createIndex("leads_source_created").on("leads").columns(["source", "created_at"]).execute();
  await schema.createIndex("leads_campaign_created").on("leads").columns(["campaign", "created_at"]).execute();
  await schema.createIndex("leads_stage_created").on("leads").columns(["stage", "created_at"]).execute();

  await schema
    .createTable("lead_match_keys")
    .addColumn("match_key", "text", (c) => c.primaryKey())
    .addColumn("lead_id", "text", (c) => c.notNull().references("leads.id").onDelete("cascade"))
    .execute();
  await schema.createIndex("lead_match_keys_lead").on("lead_match_keys").column("lead_id").execute();

  await schema
    .createTable("events")
    .addColumn("id", engine === "postgres" ? "bigserial" : "integer", (c) =>
      engine === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn("lead_id", "text", (c) => c.references("leads.id").onDelete("cascade"))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("at", "bigint", (c) => c.notNull())
    .addColumn("data", json, (c) => c.notNull())
    .execute();
  await schema.createIndex("events_lead").on("events").columns(["lead_id", "id"]).execute();
  await schema.createIndex("events_type_at").on("events").columns(["type", "at"]).execute();

  await schema
    .createTable("idempotency_keys")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("request_hash", "text", (c) => c.notNull())
    .addColumn("status_code", "integer", (c) => c.notNull())
    .addColumn("response", json, (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();

  await schema
    .createTable("forms")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("form_key", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("source", "text")
    .addColumn("campaign", "text")
    .addColumn("thank_you_url", "text")
    .addColumn("is_active", "integer", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();

  await schema
    .createTable("timers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("key", "text", (c) => c.notNull().unique())
    .addColumn("task", "text", (c) => c.notNull())
    .addColumn("payload", json, (c) => c.notNull())
    .addColumn("run_at", "bigint", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("locked_by", "text")
    .addColumn("locked_until", "bigint")
    .addColumn("last_error", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await schema.createIndex("timers_due").on("timers").columns(["status", "run_at"]).execute();

  await schema
    .createTable("outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("key", "text", (c) => c.notNull().unique())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("payload", json, (c) => c.notNull())
    .addColumn("available_at", "bigint", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("locked_by", "text")
    .addColumn("locked_until", "bigint")
    .addColumn("last_error", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("delivered_at", "bigint")
    .execute();
  await schema.createIndex("outbox_due").on("outbox").columns(["status", "available_at"]).execute();
}
