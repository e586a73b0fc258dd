import type { Executor } from "./engine.js";

/** How many leads sit in each of these stages (stages holding none are left out). */
export async function countLeadsByStage(db: Executor, stageKeys: readonly string[]): Promise<Map<string, number>> {
  if (stageKeys.length === 0) return new Map();
  const rows = await db
    .selectFrom("leads")
    .select(["stage", (eb) => eb.fn.countAll<number>().as("count")])
    .where("stage", "in", [...stageKeys])
    .groupBy("stage")
    .execute();
  return new Map(rows.map((row) => [row.stage, Number(row.count)]));
}
