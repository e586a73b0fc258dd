import type { Kysely } from "kysely";
import { engineOf, jsonColumnType } from "../engine.js";

/**
 * The objection catalog (objections, every wording of every response, proof assets) and the
 * objections logged on leads. Response versions are rows, never updated, so a win rate always
 * refers to the exact words a rep used.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const json = jsonColumnType(engineOf(db));
  const schema = db.schema;

  await schema
    .createTable("objections")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("is_active", "integer", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();

  await schema
    .createTable("objection_response_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("objection_id", "text", (c) => c.notNull().references("objections.id").onDelete("cascade"))
    .addColumn("response_id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("objection_response_versions_response_version", ["response_id", "version"])
    .execute();
  await schema.createIndex("objection_response_versions_objection").on("objection_response_versions").columns(["objection_id", "created_at"]).execute();

  await schema
    .createTable("proof_assets")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("tags", json, (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();

  await schema
    .createTable("objection_logs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("lead_id", "text", (c) => c.notNull().references("leads.id").onDelete("cascade"))
    .addColumn("objection_id", "text", (c) => c.notNull().references("objections.id"))
    .addColumn("response_version_id", "text", (c) => c.references("objection_response_versions.id"))
    .addColumn("notes", "text")
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("logged_at", "bigint", (c) => c.notNull())
    .execute();
  // Win rates read every log of one objection; the lead page reads a lead's logs.
  await schema.createIndex("objection_logs_objection").on("objection_logs").columns(["objection_id", "lead_id"]).execute();
  await schema.createIndex("objection_logs_lead").on("objection_logs").columns(["lead_id", "logged_at"]).execute();
}
