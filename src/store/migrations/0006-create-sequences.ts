import { type Kysely, sql } from "kysely";
import { engineOf, jsonColumnType } from "../engine.js";

/**
 * Follow-up sequences over real email: each user's mailbox, sequences and their enrolments,
 * the messages and owner tasks their steps produced, the suppression list every send checks,
 * and inbound mail already handled (so an IMAP poll or a forwarded webhook counts once).
 * Routing rules may name a sequence to enrol the leads they route.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const schema = db.schema;
  const json = jsonColumnType(engineOf(db));

  await schema
    .createTable("mailboxes")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("from_name", "text")
    .addColumn("from_address", "text", (c) => c.notNull())
    .addColumn("smtp_url", "text", (c) => c.notNull())
    .addColumn("imap_url", "text")
    .addColumn("hourly_limit", "integer", (c) => c.notNull())
    .addColumn("daily_limit", "integer", (c) => c.notNull())
    .addColumn("imap_uid_validity", "bigint")
    .addColumn("imap_last_uid", "bigint")
    .addColumn("imap_checked_at", "bigint")
    .addColumn("imap_error", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();

  await schema
    .createTable("sequences")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("steps", json, (c) => c.notNull())
    .addColumn("nurture_sequence_id", "text", (c) => c.references("sequences.id").onDelete("set null"))
    .addColumn("repeat_every_days", "integer")
    .addColumn("is_archived", "integer", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();

  await schema
    .createTable("sequence_enrolments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("lead_id", "text", (c) => c.notNull().references("leads.id").onDelete("cascade"))
    .addColumn("sequence_id", "text", (c) => c.notNull().references("sequences.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("cycle", "integer", (c) => c.notNull())
    .addColumn("next_step_index", "integer", (c) => c.notNull())
    .addColumn("anchor_at", "bigint", (c) => c.notNull())
    .addColumn("next_send_at", "bigint")
    .addColumn("paused_until", "bigint")
    .addColumn("pause_reason", "text")
    .addColumn("stop_reason", "text")
    .addColumn("thread_message_id", "text")
    .addColumn("last_message_id", "text")
    .addColumn("enrolled_via", "text", (c) => c.notNull())
    .addColumn("enrolled_by", "text", (c) => c.notNull())
    .addColumn("enrolled_at", "bigint", (c) => c.notNull())
    .addColumn("ended_at", "bigint")
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  // A lead is in at most one live (active or paused) sequence; the database holds the line under races.
  await schema.createIndex("sequence_enrolments_one_live").on("sequence_enrolments").column("lead_id").unique().where(sql<boolean>`status in ('active', 'paused')`).execute();
  await schema.createIndex("sequence_enrolments_lead").on("sequence_enrolments").columns(["lead_id", "enrolled_at"]).execute();

  await schema
    .createTable("sequence_messages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("enrolment_id", "text", (c) => c.notNull().references("sequence_enrolments.id").onDelete("cascade"))
    .addColumn("lead_id", "text", (c) => c.notNull().references("leads.id").onDelete("cascade"))
    .addColumn("cycle", "integer", (c) => c.notNull())
    .addColumn("step_index", "integer", (c) => c.notNull())
    .addColumn("mailbox_user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("message_id", "text", (c) => c.notNull().unique())
    .addColumn("in_reply_to", "text")
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body_text", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("status_detail", "text")
    .addColumn("window_ends_at", "bigint", (c) => c.notNull())
    .addColumn("queued_at", "bigint", (c) => c.notNull())
    .addColumn("sent_at", "bigint")
    // No step is sent twice: one message per enrolment, cycle and step.
    .addUniqueConstraint("sequence_messages_one_per_step", ["enrolment_id", "cycle", "step_index"])
    .execute();
  await schema.createIndex("sequence_messages_mailbox_queued").on("sequence_messages").columns(["mailbox_user_id", "queued_at"]).execute();
  await schema.createIndex("sequence_messages_lead").on("sequence_messages").columns(["lead_id", "queued_at"]).execute();

  await schema
    .createTable("sequence_tasks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("enrolment_id", "text", (c) => c.notNull().references("sequence_enrolments.id").onDelete("cascade"))
    .addColumn("lead_id", "text", (c) => c.notNull().references("leads.id").onDelete("cascade"))
    .addColumn("owner_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("cycle", "integer", (c) => c.notNull())
    .addColumn("step_index", "integer", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("instructions", "text", (c) => c.notNull())
    .addColumn("due_at", "bigint", (c) => c.notNull())
    .addColumn("done_at", "bigint")
    .addColumn("done_by", "text")
    .addUniqueConstraint("sequence_tasks_one_per_step", ["enrolment_id", "cycle", "step_index"])
    .execute();
  await schema.createIndex("sequence_tasks_owner_open").on("sequence_tasks").columns(["owner_id", "done_at", "due_at"]).execute();

  await schema
    .createTable("suppressions")
    .addColumn("value", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("lead_id", "text", (c) => c.references("leads.id").onDelete("set null"))
    .addColumn("note", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();

  await schema
    .createTable("inbound_messages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("dedupe_key", "text", (c) => c.notNull().unique())
    .addColumn("message_id", "text")
    .addColumn("via", "text", (c) => c.notNull())
    .addColumn("mailbox_user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("from_address", "text")
    .addColumn("subject", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("lead_id", "text", (c) => c.references("leads.id").onDelete("set null"))
    .addColumn("enrolment_id", "text", (c) => c.references("sequence_enrolments.id").onDelete("set null"))
    .addColumn("received_at", "bigint", (c) => c.notNull())
    .execute();
  await schema.createIndex("inbound_messages_lead").on("inbound_messages").columns(["lead_id", "received_at"]).execute();

  await schema.alterTable("routing_rules").addColumn("sequence_id", "text", (c) => c.references("sequences.id").onDelete("set null")).execute();
}
