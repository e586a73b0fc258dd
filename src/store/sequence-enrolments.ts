import type { Selectable } from "kysely";
import type { Enrolment, PauseReason, StopReason } from "../domain/sequences/enrolment.js";
import { type Executor, supportsRowLocks } from "./engine.js";
import type { SequenceEnrolmentTable } from "./schema.js";

type EnrolmentRow = Selectable<SequenceEnrolmentTable>;

function enrolmentRowToEnrolment(row: EnrolmentRow): Enrolment {
  return {
    id: row.id,
    leadId: row.lead_id,
    sequenceId: row.sequence_id,
    status: row.status,
    cycle: row.cycle,
    nextStepIndex: row.next_step_index,
    anchorAt: row.anchor_at,
    nextSendAt: row.next_send_at,
    pausedUntil: row.paused_until,
    pauseReason: row.pause_reason as PauseReason | null,
    stopReason: row.stop_reason as StopReason | null,
    threadMessageId: row.thread_message_id,
    lastMessageId: row.last_message_id,
    enrolledVia: row.enrolled_via,
    enrolledBy: row.enrolled_by,
    enrolledAt: row.enrolled_at,
    endedAt: row.ended_at,
    updatedAt: row.updated_at,
  };
}

function enrolmentToRow(enrolment: Enrolment): EnrolmentRow {
  return {
    id: enrolment.id,
    lead_id: enrolment.leadId,
    sequence_id: enrolment.sequenceId,
    status: enrolment.status,
    cycle: enrolment.cycle,
    next_step_index: enrolment.nextStepIndex,
    anchor_at: enrolment.anchorAt,
    next_send_at: enrolment.nextSendAt,
    paused_until: enrolment.pausedUntil,
    pause_reason: enrolment.pauseReason,
    stop_reason: enrolment.stopReason,
    thread_message_id: enrolment.threadMessageId,
    last_message_id: enrolment.lastMessageId,
    enrolled_via: enrolment.enrolledVia,
    enrolled_by: enrolment.enrolledBy,
    enrolled_at: enrolment.enrolledAt,
    ended_at: enrolment.endedAt,
    updated_at: enrolment.updatedAt,
  };
}

/** Adds an enrolment. A second live one for the same lead is a unique violation (`sequence_enrolments_one_live`). */
export async function insertEnrolment(db: Executor, enrolment: Enrolment): Promise<void> {
  await db.insertInto("sequence_enrolments").values(enrolmentToRow(enrolment)).execute();
}

const INSERT_CHUNK_ROWS = 500;

/** Adds many enrolments at once (the demo workspace's history), a few hundred rows a statement. */
export async function insertEnrolments(db: Executor, enrolments: readonly Enrolment[]): Promise<void> {
  for (let start = 0; start < enrolments.length; start += INSERT_CHUNK_ROWS) {
    await db.insertInto("sequence_enrolments").values(enrolments.slice(start, start + INSERT_CHUNK_ROWS).map(enrolmentToRow)).execute();
  }
}

/** Writes an enrolment's state (status, position, times, threading). */
export async function updateEnrolment(db: Executor, enrolment: Enrolment): Promise<void> {
  const { id, lead_id: _leadId, sequence_id: _sequenceId, enrolled_at: _enrolledAt, ...changes } = enrolmentToRow(enrolment);
  await db.updateTable("sequence_enrolments").set(changes).where("id", "=", id).execute();
}

/**
 * Records the Message-ID of an email the server accepted: the thread's first (kept once set) and
 * the latest (the next step's In-Reply-To). One targeted UPDATE, so it never overwrites a step's
 * concurrent change of the enrolment's position.
 */
export async function recordEnrolmentMessageSent(db: Executor, enrolmentId: string, messageId: string): Promise<void> {
  await db
    .updateTable("sequence_enrolments")
    .set((eb) => ({ thread_message_id: eb.fn.coalesce("thread_message_id", eb.val(messageId)), last_message_id: messageId }))
    .where("id", "=", enrolmentId)
    .execute();
}

/** One enrolment, locked until the transaction ends on PostgreSQL (a step and a reply do not race). */
export async function lockEnrolment(db: Executor, id: string): Promise<Enrolment | undefined> {
  const query = db.selectFrom("sequence_enrolments").selectAll().where("id", "=", id);
  const row = await (supportsRowLocks(db) ? query.forUpdate() : query).executeTakeFirst();
  return row && enrolmentRowToEnrolment(row);
}

/** The lead's live (active or paused) enrolment, locked like `lockEnrolment`. */
export async function lockLiveEnrolmentOfLead(db: Executor, leadId: string): Promise<Enrolment | undefined> {
  const query = db.selectFrom("sequence_enrolments").selectAll().where("lead_id", "=", leadId).where("status", "in", ["active", "paused"]);
  const row = await (supportsRowLocks(db) ? query.forUpdate() : query).executeTakeFirst();
  return row && enrolmentRowToEnrolment(row);
}

/** A lead's enrolments, newest first: the history on the lead page. */
export async function listEnrolmentsOfLead(db: Executor, leadId: string): Promise<Enrolment[]> {
  const rows = await db.selectFrom("sequence_enrolments").selectAll().where("lead_id", "=", leadId).orderBy("enrolled_at", "desc").orderBy("id", "desc").execute();
  return rows.map(enrolmentRowToEnrolment);
}

/** Live enrolments of a sequence (to stop them when it is archived). */
export async function listLiveEnrolmentsOfSequence(db: Executor, sequenceId: string): Promise<Enrolment[]> {
  const rows = await db.selectFrom("sequence_enrolments").selectAll().where("sequence_id", "=", sequenceId).where("status", "in", ["active", "paused"]).execute();
  return rows.map(enrolmentRowToEnrolment);
}
