import { type Executor, fromJsonColumn } from "./engine.js";

/** One try at delivering an outbox message, as the delivery log shows it. */
export type DeliveryAttempt = {
  messageId: string;
  /** 1 for the first try. */
  attempt: number;
  at: number;
  outcome: "delivered" | "failed";
  /** The peer's HTTP status, or the SMTP reply code; null when no answer came (timeout, refused). */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  channel: string;
  payload: unknown;
};

export type NewDeliveryAttempt = Omit<DeliveryAttempt, "messageId" | "channel" | "payload"> & { id: string };

/** Appends an attempt to the delivery log (append-only). */
export async function recordDeliveryAttempt(db: Executor, attempt: NewDeliveryAttempt): Promise<void> {
  await db
    .insertInto("delivery_attempts")
    .values({
      outbox_id: attempt.id,
      attempt: attempt.attempt,
      at: attempt.at,
      outcome: attempt.outcome,
      status_code: attempt.statusCode,
      error: attempt.error,
      duration_ms: Math.round(attempt.durationMs),
    })
    .execute();
}

/** Which log to read: one message's, or every message of a webhook subscription. */
export type DeliveryLogScope = { messageId: string } | { subscriptionId: string };

/** Attempts, newest first. */
export async function listDeliveryAttempts(db: Executor, scope: DeliveryLogScope, limit: number): Promise<DeliveryAttempt[]> {
  let query = db
    .selectFrom("delivery_attempts")
    .innerJoin("outbox", "outbox.id", "delivery_attempts.outbox_id")
    .select([
      "delivery_attempts.outbox_id",
      "delivery_attempts.attempt",
      "delivery_attempts.at",
      "delivery_attempts.outcome",
      "delivery_attempts.status_code",
      "delivery_attempts.error",
      "delivery_attempts.duration_ms",
      "outbox.channel",
      "outbox.payload",
    ]);
  query = "messageId" in scope ? query.where("outbox.id", "=", scope.messageId) : query.where("outbox.subscription_id", "=", scope.subscriptionId);
  const rows = await query.orderBy("delivery_attempts.id", "desc").limit(limit).execute();
  return rows.map((row) => ({
    messageId: row.outbox_id,
    attempt: row.attempt,
    at: row.at,
    outcome: row.outcome,
    statusCode: row.status_code,
    error: row.error,
    durationMs: row.duration_ms,
    channel: row.channel,
    payload: fromJsonColumn<unknown>(row.payload),
  }));
}
