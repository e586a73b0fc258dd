import { type RawBuilder, sql } from "kysely";

/**
 * When a lead entered its stage, in a query over `leads` left-joined to `lead_pipeline as lp`:
 * a lead never worked in the pipeline has no row and is still in its first stage since capture.
 */
export function stageEnteredAt(): RawBuilder<number> {
  return sql<number>`coalesce(${sql.ref("lp.stage_entered_at")}, ${sql.ref("leads.created_at")})`;
}
