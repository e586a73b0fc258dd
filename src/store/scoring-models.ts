import type { Selectable } from "kysely";
import type { ModelReport, TrainedModel } from "../domain/scoring/model/train-model.js";
import { type Executor, fromJsonColumn, toJsonColumn } from "./engine.js";
import type { ScoringModelTable } from "./schema.js";

/** A model trained on the workspace's closed leads, with its report and the history it learned from. */
export type StoredScoringModel = {
  version: number;
  trainedAt: number;
  /** The actor who trained it: `user:<id>`, `api_key:<id>` or `cli`. */
  trainedBy: string;
  model: TrainedModel;
  report: ModelReport;
  closedCount: number;
  winCount: number;
};

function rowToStoredModel(row: Selectable<ScoringModelTable>): StoredScoringModel {
  return {
    version: row.version,
    trainedAt: row.trained_at,
    trainedBy: row.trained_by,
    model: fromJsonColumn<TrainedModel>(row.model),
    report: fromJsonColumn<ModelReport>(row.report),
    closedCount: row.closed_count,
    winCount: row.win_count,
  };
}

/** Adds a trained model; a version already taken is a unique violation. */
export async function insertScoringModel(db: Executor, stored: StoredScoringModel): Promise<void> {
  await db
    .insertInto("scoring_models")
    .values({
      version: stored.version,
      trained_at: stored.trainedAt,
      trained_by: stored.trainedBy,
      model: toJsonColumn(stored.model),
      report: toJsonColumn(stored.report),
      closed_count: stored.closedCount,
      win_count: stored.winCount,
    })
    .execute();
}

/** The newest model (the one in use), or undefined before the first training. */
export async function findLatestScoringModel(db: Executor): Promise<StoredScoringModel | undefined> {
  const row = await db.selectFrom("scoring_models").selectAll().orderBy("version", "desc").limit(1).executeTakeFirst();
  return row && rowToStoredModel(row);
}

/** The newest model's version and weights only (what every scoring transaction needs; the report stays unread). */
export async function findModelInUse(db: Executor): Promise<{ version: number; model: TrainedModel } | undefined> {
  const row = await db.selectFrom("scoring_models").select(["version", "model"]).orderBy("version", "desc").limit(1).executeTakeFirst();
  return row && { version: row.version, model: fromJsonColumn<TrainedModel>(row.model) };
}

/** The highest model version trained so far; 0 before the first. */
export async function latestScoringModelVersion(db: Executor): Promise<number> {
  const row = await db.selectFrom("scoring_models").select((eb) => eb.fn.max("version").as("version")).executeTakeFirst();
  return Number(row?.version ?? 0);
}
