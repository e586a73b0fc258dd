import type { Kysely } from "kysely";
import { engineOf, jsonColumnType } from "../engine.js";

/**
 * Routing profiles, out-of-office periods, routing rules and their pool cursors, SLA policies
 * and each lead's SLA clock, webhook subscriptions and the delivery log. Kept in their own
 * tables so users and leads stay narrow: the capture path reads none of them unless routing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const engine = engineOf(db);
  const json = jsonColumnType(engine);
  const schema = db.schema;

  await schema
    .createTable("routing_profiles")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("working_hours", json)
    .addColumn("capacity", "integer")
    .addColumn("routing_weight", "integer", (c) => c.notNull())
    .addColumn("backup_user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("manager_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();

  // Capacity checks count each person's open leads while routing: an index on (owner, stage) keeps that an index range scan.
  await schema.createIndex("leads_owner_stage").on("leads").columns(["owner_id", "stage"]).execute();

  await schema
    .createTable("out_of_office")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("starts_at", "bigint", (c) => c.notNull())
    .addColumn("ends_at", "bigint", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await schema.createIndex("out_of_office_user_ends").on("out_of_office").columns(["user_id", "ends_at"]).execute();

  await schema
    .createTable("sla_policies")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("target_minutes", "integer", (c) => c.notNull())
    .addColumn("warning_share", engine === "postgres" ? "double precision" : "real", (c) => c.notNull())
    .addColumn("clock", "text", (c) => c.notNull())
    .addColumn("is_automated_response_enough", "integer", (c) => c.notNull())
    .addColumn("escalation", json, (c) => c.notNull())
    .addColumn("is_default", "integer", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();

  // Every workspace starts with a promise to keep: first response within an hour of open time.
  await db
    .insertInto("sla_policies" as never)
    .values({
      id: "sla_standard",
      name: "Standard: 1 business hour",
      target_minutes: 60,
      warning_share: 0.5,
      clock: "business",
      is_automated_response_enough: 0,
      // Written out, not imported: a migration must not change when domain defaults do.
      escalation: JSON.stringify([
        { action: "notify_owner", afterBreachMinutes: 0 },
        { action: "reassign", afterBreachMinutes: 15 },
        { action: "notify_manager", afterBreachMinutes: 30 },
      ]),
      is_default: 1,
      created_at: 0,
    } as never)
    .execute();

  await schema
    .createTable("routing_rules")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("conditions", json, (c) => c.notNull())
    .addColumn("target", json, (c) => c.notNull())
    .addColumn("sla_policy_id", "text", (c) => c.references("sla_policies.id").onDelete("set null"))
    .addColumn("is_active", "integer", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();

  // One row per pool (a rule id, or `fallback`): the round-robin state, locked while routing.
  await schema
    .createTable("routing_cursors")
    .addColumn("pool_key", "text", (c) => c.primaryKey())
    .addColumn("cursor", json, (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();

  await schema
    .createTable("lead_sla")
    .addColumn("lead_id", "text", (c) => c.primaryKey().references("leads.id").onDelete("cascade"))
    .addColumn("policy_id", "text", (c) => c.notNull())
    .addColumn("started_at", "bigint", (c) => c.notNull())
    .addColumn("warn_at", "bigint", (c) => c.notNull())
    .addColumn("due_at", "bigint", (c) => c.notNull())
    .addColumn("first_response_at", "bigint")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await schema.createIndex("lead_sla_status_due").on("lead_sla").columns(["status", "due_at"]).execute();

  await schema
    .createTable("webhook_subscriptions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("secret", "text", (c) => c.notNull())
    .addColumn("event_types", json, (c) => c.notNull())
    .addColumn("is_active", "integer", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();

  await schema
    .createTable("delivery_attempts")
    .addColumn("id", engine === "postgres" ? "bigserial" : "integer", (c) => (engine === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("outbox_id", "text", (c) => c.notNull().references("outbox.id").onDelete("cascade"))
    .addColumn("attempt", "integer", (c) => c.notNull())
    .addColumn("at", "bigint", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("status_code", "integer")
    .addColumn("error", "text")
    .addColumn("duration_ms", "integer", (c) => c.notNull())
    .execute();
  await schema.createIndex("delivery_attempts_outbox").on("delivery_attempts").columns(["outbox_id", "attempt"]).execute();
}
