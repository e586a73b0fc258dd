import type { Kysely } from "kysely";

/**
 * Pipeline discipline: each lead's pipeline state (when it entered its stage, qualification,
 * next step, proposal, outcome), qualification answers, meetings and what campaigns promised.
 * Kept beside `leads` rather than in it, like the SLA clock: capture never writes these.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const schema = db.schema;

  await schema
    .createTable("lead_pipeline")
    .addColumn("lead_id", "text", (c) => c.primaryKey().references("leads.id").onDelete("cascade"))
    .addColumn("stage_entered_at", "bigint", (c) => c.notNull())
    .addColumn("qualification_status", "text", (c) => c.notNull())
    .addColumn("disqualification_reason", "text")
    .addColumn("disqualification_note", "text")
    .addColumn("cost_of_inaction", "text")
    .addColumn("next_step_action", "text")
    .addColumn("next_step_due_at", "bigint")
    .addColumn("next_step_owner_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("next_step_set_at", "bigint")
    .addColumn("next_step_status", "text")
    .addColumn("value_cents", "bigint")
    .addColumn("proposal_amount_cents", "bigint")
    .addColumn("proposal_sent_at", "bigint")
    .addColumn("is_expectation_mismatch", "integer", (c) => c.notNull())
    .addColumn("lost_reason", "text")
    .addColumn("lost_note", "text")
    .addColumn("closed_at", "bigint")
    .addColumn("reply_waiting_since", "bigint")
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  // The needs-attention queue looks for overdue next steps and waiting replies.
  await schema.createIndex("lead_pipeline_next_step_due").on("lead_pipeline").column("next_step_due_at").execute();

  await schema
    .createTable("qualification_answers")
    .addColumn("lead_id", "text", (c) => c.notNull().references("leads.id").onDelete("cascade"))
    .addColumn("criterion", "text", (c) => c.notNull())
    .addColumn("answer", "text", (c) => c.notNull())
    .addColumn("notes", "text")
    .addColumn("answered_by", "text", (c) => c.notNull())
    .addColumn("answered_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("qualification_answers_pk", ["lead_id", "criterion"])
    .execute();

  await schema
    .createTable("meetings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("lead_id", "text", (c) => c.notNull().references("leads.id").onDelete("cascade"))
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("external_id", "text")
    .addColumn("title", "text")
    .addColumn("starts_at", "bigint", (c) => c.notNull())
    .addColumn("ends_at", "bigint")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("readiness_understands_problem", "integer")
    .addColumn("readiness_understands_approach", "integer")
    .addColumn("readiness_ready_to_evaluate", "integer")
    .addColumn("readiness_notes", "text")
    .addColumn("readiness_answered_by", "text")
    .addColumn("readiness_answered_at", "bigint")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("meetings_provider_external_id", ["provider", "external_id"])
    .execute();
  await schema.createIndex("meetings_lead").on("meetings").columns(["lead_id", "starts_at"]).execute();

  await schema
    .createTable("campaign_promises")
    .addColumn("campaign", "text", (c) => c.primaryKey())
    .addColumn("price_anchor_cents", "bigint")
    .addColumn("timeline_days", "integer")
    .addColumn("notes", "text")
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
}
