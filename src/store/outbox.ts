import type { Selectable } from "kysely";
import { recordDeliveryAttempt } from "./delivery-attempts.js";
import { type Executor, fromJsonColumn, skipLockedRows, toJsonColumn } from "./engine.js";
import type { OutboxTable } from "./schema.js";
import type { ClaimRequest } from "./timers.js";
import { announceWork } from "./work-signal.js";

/** A message to deliver through a channel (webhook, Slack, email). Its id is the idempotency id peers see. */
export type OutboxMessage = {
  id: string;
  /** Unique per message; enqueueing the same key again is a no-op. */
  key: string;
  channel: string;
  payload: unknown;
  subscriptionId: string | null;
  /** When it may be sent; for a dead message, when it died. */
  availableAt: number;
  /** Failed attempts so far. */
  attempts: number;
  lastError: string | null;
  status: "pending" | "delivered" | "dead";
  createdAt: number;
  deliveredAt: number | null;
};

export type NewOutboxMessage = { id: string; key: string; channel: string; payload: object; subscriptionId?: string | null; availableAt: number };

/** How one attempt went, for the delivery log. */
export type AttemptReport = { id: string; workerId: string; attempt: number; at: number; statusCode: number | null; durationMs: number };

/** Rows per multi-row INSERT (9 columns: far under SQLite's parameter bound). */
const INSERT_CHUNK_ROWS = 500;

function outboxRowToMessage(row: Selectable<OutboxTable>): OutboxMessage {
  return {
    id: row.id,
    key: row.key,
    channel: row.channel,
    payload: fromJsonColumn<unknown>(row.payload),
    subscriptionId: row.subscription_id,
    availableAt: row.available_at,
    attempts: row.attempts,
    lastError: row.last_error,
    status: row.status,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  };
}

/** Enqueues messages, idempotent by key: a key already enqueued (even delivered) is skipped. */
export async function enqueueMessages(db: Executor, messages: readonly NewOutboxMessage[], now: number): Promise<void> {
  for (let start = 0; start < messages.length; start += INSERT_CHUNK_ROWS) {
    const rows = messages.slice(start, start + INSERT_CHUNK_ROWS).map((m) => ({
      id: m.id,
      key: m.key,
      channel: m.channel,
      payload: toJsonColumn(m.payload),
      subscription_id: m.subscriptionId ?? null,
      available_at: m.availableAt,
      attempts: 0,
      status: "pending" as const,
      created_at: now,
    }));
    await db.insertInto("outbox").values(rows).onConflict((oc) => oc.column("key").doNothing()).execute();
  }
  if (messages.length > 0) await announceWork(db);
}

/** Claims up to `limit` sendable messages, oldest first, atomically; an expired lease is claimable again. */
export async function claimDueMessages(db: Executor, request: ClaimRequest): Promise<OutboxMessage[]> {
  const { workerId, now, limit, lockMs } = request;
  const due = db
    .selectFrom("outbox")
    .select("id")
    .where("status", "=", "pending")
    .where("available_at", "<=", now)
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", now)]))
    .orderBy("available_at")
    .limit(limit);
  const rows = await db
    .updateTable("outbox")
    .set({ locked_by: workerId, locked_until: now + lockMs })
    .where("id", "in", skipLockedRows(db, due))
    .returningAll()
    .execute();
  return rows.map(outboxRowToMessage).sort((a, b) => a.availableAt - b.availableAt);
}

/**
 * Records a delivered attempt and marks the message delivered, whoever holds the claim now: if
 * a lease ran out and two workers sent it, the peer saw the same id twice and dropped one.
 */
export async function markDelivered(db: Executor, report: AttemptReport): Promise<void> {
  await db
    .updateTable("outbox")
    .set({ status: "delivered", delivered_at: report.at, locked_by: null, locked_until: null })
    .where("id", "=", report.id)
    .where("status", "=", "pending")
    .execute();
  await recordDeliveryAttempt(db, { ...report, outcome: "delivered", error: null });
}

/**
 * Records a failed attempt; the message is sent again at `retryAt`, or is dead when `retryAt` is
 * null (`availableAt` = the attempt's time). Returns whether it went dead.
 */
export async function markFailed(db: Executor, report: AttemptReport & { error: string; retryAt: number | null }): Promise<boolean> {
  const result = await db
    .updateTable("outbox")
    .set((eb) => ({
      attempts: eb("attempts", "+", 1),
      last_error: report.error,
      available_at: report.retryAt ?? report.at,
      status: report.retryAt === null ? "dead" : "pending",
      locked_by: null,
      locked_until: null,
    }))
    .where("id", "=", report.id)
    .where("locked_by", "=", report.workerId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  await recordDeliveryAttempt(db, { ...report, outcome: "failed" });
  return report.retryAt === null && Number(result.numUpdatedRows) > 0;
}

/**
 * Puts a claimed message back, unsent and without counting an attempt, to be sent from
 * `availableAt` on (a sequence email whose send window closed waits for the next one).
 */
export async function deferMessage(db: Executor, deferral: { id: string; workerId: string; availableAt: number }): Promise<void> {
  await db
    .updateTable("outbox")
    .set({ available_at: deferral.availableAt, locked_by: null, locked_until: null })
    .where("id", "=", deferral.id)
    .where("locked_by", "=", deferral.workerId)
    .where("status", "=", "pending")
    .execute();
}

/** Gives back claimed messages a stopping worker did not start sending. */
export async function releaseMessages(db: Executor, ids: readonly string[], workerId: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable("outbox").set({ locked_by: null, locked_until: null }).where("id", "in", ids).where("locked_by", "=", workerId).execute();
}

/** When the next message becomes sendable (earliest `available_at` not under a live claim), if any. */
export async function nextMessageDueAt(db: Executor, now: number): Promise<number | undefined> {
  const row = await db
    .selectFrom("outbox")
    .select((eb) => eb.fn.min("available_at").as("at"))
    .where("status", "=", "pending")
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", now)]))
    .executeTakeFirst();
  return row?.at === null || row?.at === undefined ? undefined : Number(row.at);
}

/** A message by id. */
export async function findMessageById(db: Executor, id: string): Promise<OutboxMessage | undefined> {
  const row = await db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirst();
  return row && outboxRowToMessage(row);
}

/** Messages by status, oldest first (tests and the crash-safety check read them). */
export async function listMessagesByStatus(db: Executor, status: OutboxMessage["status"], limit: number): Promise<OutboxMessage[]> {
  const rows = await db.selectFrom("outbox").selectAll().where("status", "=", status).orderBy("created_at").orderBy("id").limit(limit).execute();
  return rows.map(outboxRowToMessage);
}

/** Dead messages, most recently dead first. */
export async function listDeadMessages(db: Executor, limit: number): Promise<OutboxMessage[]> {
  const rows = await db.selectFrom("outbox").selectAll().where("status", "=", "dead").orderBy("available_at", "desc").orderBy("id").limit(limit).execute();
  return rows.map(outboxRowToMessage);
}

/** Brings a dead message back with fresh attempts, sendable `now`; undefined when no dead message has this id. */
export async function retryDeadMessage(db: Executor, id: string, now: number): Promise<OutboxMessage | undefined> {
  const row = await db
    .updateTable("outbox")
    .set({ status: "pending", attempts: 0, available_at: now })
    .where("id", "=", id)
    .where("status", "=", "dead")
    .returningAll()
    .executeTakeFirst();
  if (row) await announceWork(db);
  return row && outboxRowToMessage(row);
}

/** Deletes every message of a subscription (their delivery log goes with them: `on delete cascade`). */
export async function deleteMessagesOfSubscription(db: Executor, subscriptionId: string): Promise<void> {
  await db.deleteFrom("outbox").where("subscription_id", "=", subscriptionId).execute();
}
