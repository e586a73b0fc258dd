import { type Kysely, sql } from "kysely";
import { engineOf, jsonColumnType } from "../engine.js";

/**
 * Scoring that learns from outcomes: each lead's current score (fit and intent parts, bucket,
 * intent level, the playbook running and the model version that scored it), playbooks keyed by
 * intent level, trained models with their report, and drift alerts already raised (so each
 * fires once). Score history is the `scored` events; the rules live in settings.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const schema = db.schema;
  const json = jsonColumnType(engineOf(db));

  await schema
    .createTable("playbooks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("intent_level", "text", (c) => c.notNull())
    .addColumn("source", "text")
    .addColumn("sla_policy_id", "text", (c) => c.references("sla_policies.id").onDelete("set null"))
    .addColumn("sequence_id", "text", (c) => c.references("sequences.id").onDelete("set null"))
    .addColumn("stage_guidance", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  // One playbook per intent level and source ("any source" included), sources compared without case.
  await sql`create unique index playbooks_level_source on playbooks (intent_level, lower(coalesce(source, '')))`.execute(db);

  await schema
    .createTable("lead_scores")
    .addColumn("lead_id", "text", (c) => c.primaryKey().references("leads.id").onDelete("cascade"))
    .addColumn("score", "integer", (c) => c.notNull())
    .addColumn("fit_score", "integer", (c) => c.notNull())
    .addColumn("intent_score", "integer", (c) => c.notNull())
    .addColumn("rule_score", "integer", (c) => c.notNull())
    .addColumn("model_probability", "double precision")
    .addColumn("model_version", "integer")
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("intent_level", "text", (c) => c.notNull())
    .addColumn("playbook_id", "text", (c) => c.references("playbooks.id").onDelete("set null"))
    .addColumn("contributions", json, (c) => c.notNull())
    .addColumn("scored_at", "bigint", (c) => c.notNull())
    .execute();
  await schema.createIndex("lead_scores_bucket").on("lead_scores").columns(["bucket", "score"]).execute();
  // Deleting a playbook clears it from the scores that name it.
  await schema.createIndex("lead_scores_playbook").on("lead_scores").column("playbook_id").execute();

  await schema
    .createTable("scoring_models")
    .addColumn("version", "integer", (c) => c.primaryKey())
    .addColumn("trained_at", "bigint", (c) => c.notNull())
    .addColumn("trained_by", "text", (c) => c.notNull())
    .addColumn("model", json, (c) => c.notNull())
    .addColumn("report", json, (c) => c.notNull())
    .addColumn("closed_count", "integer", (c) => c.notNull())
    .addColumn("win_count", "integer", (c) => c.notNull())
    .execute();

  await schema
    .createTable("drift_alerts")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("numbers", json, (c) => c.notNull())
    .addColumn("detected_at", "bigint", (c) => c.notNull())
    .execute();
  await schema.createIndex("drift_alerts_detected").on("drift_alerts").column("detected_at").execute();
}
