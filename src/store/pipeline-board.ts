import { type ExpressionBuilder, sql } from "kysely";
import type { Lead } from "../domain/lead/lead.js";
import type { Executor } from "./engine.js";
import { leadRowToLead } from "./leads.js";
import type { Database } from "./schema.js";
import { stageEnteredAt } from "./stage-entered-at.js";

/** Which leads a board column holds: open leads in an open stage; leads closed since `closedSince` in a won or lost stage. */
export type BoardColumnFilter = { stage: string; isClosedStage: boolean };

export type BoardScope = {
  /** One person's leads; undefined: everyone's. */
  ownerId: string | undefined;
  /** Won and lost columns show only leads closed at or after this instant. */
  closedSince: number;
};

type BoardExpressions = ExpressionBuilder<Database & { lp: Database["lead_pipeline"] }, "leads" | "lp">;

/** When a closed lead closed; one closed outside the pipeline services has no time, so its stage entry stands in. */
const closedAt = () => sql<number>`coalesce(${sql.ref("lp.closed_at")}, ${stageEnteredAt()})`;

function inColumn(eb: BoardExpressions, column: BoardColumnFilter, scope: BoardScope) {
  return column.isClosedStage
    ? eb.and([eb("leads.stage", "=", column.stage), eb(closedAt(), ">=", scope.closedSince)])
    : eb.and([eb("leads.stage", "=", column.stage), eb("lp.closed_at", "is", null)]);
}

function boardQuery(db: Executor, scope: BoardScope) {
  return db
    .selectFrom("leads")
    .leftJoin("lead_pipeline as lp", "lp.lead_id", "leads.id")
    .$if(scope.ownerId !== undefined, (q) => q.where("leads.owner_id", "=", scope.ownerId!));
}

/** The leads of one column, newest in the stage first. */
export async function listBoardColumnLeads(db: Executor, column: BoardColumnFilter, scope: BoardScope, limit: number): Promise<Lead[]> {
  const rows = await boardQuery(db, scope)
    .selectAll("leads")
    .where((eb) => inColumn(eb, column, scope))
    .orderBy(stageEnteredAt(), "desc")
    .orderBy("leads.id", "desc")
    .limit(limit)
    .execute();
  return rows.map(leadRowToLead);
}

/** How many leads each column holds, by stage key (a column with none is absent). */
export async function countBoardColumns(db: Executor, columns: readonly BoardColumnFilter[], scope: BoardScope): Promise<Map<string, number>> {
  if (columns.length === 0) return new Map();
  const rows = await boardQuery(db, scope)
    .select((eb) => ["leads.stage", eb.fn.countAll<number | string>().as("total")])
    .where((eb) => eb.or(columns.map((column) => inColumn(eb, column, scope))))
    .groupBy("leads.stage")
    .execute();
  return new Map(rows.map((row) => [row.stage, Number(row.total)]));
}
