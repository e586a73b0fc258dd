import type { DriftAlert } from "../domain/scoring/drift.js";
import { type Executor, fromJsonColumn, toJsonColumn } from "./engine.js";

/** A drift alert as raised, with when it was detected. */
export type RecordedDriftAlert = DriftAlert & { detectedAt: number };

/** Records an alert unless one with its key was raised already; true when it is new. */
export async function insertDriftAlertIfAbsent(db: Executor, alert: DriftAlert, detectedAt: number): Promise<boolean> {
  const inserted = await db
    .insertInto("drift_alerts")
    .values({ key: alert.key, kind: alert.kind, subject: alert.subject, month: alert.month, message: alert.message, numbers: toJsonColumn(alert.numbers), detected_at: detectedAt })
    .onConflict((oc) => oc.column("key").doNothing())
    .returning("key")
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Drift alerts, newest first. */
export async function listDriftAlerts(db: Executor, limit: number): Promise<RecordedDriftAlert[]> {
  const rows = await db.selectFrom("drift_alerts").selectAll().orderBy("detected_at", "desc").orderBy("month", "desc").orderBy("key").limit(limit).execute();
  return rows.map((row) => ({
    key: row.key,
    kind: row.kind,
    subject: row.subject,
    month: row.month,
    message: row.message,
    numbers: fromJsonColumn<Record<string, number>>(row.numbers),
    detectedAt: row.detected_at,
  }));
}
