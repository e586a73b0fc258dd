import type { Selectable } from "kysely";
import type { SequenceTask } from "../domain/sequences/sequence-output.js";
import { type Executor, supportsRowLocks } from "./engine.js";
import type { SequenceTaskTable } from "./schema.js";

function taskRowToTask(row: Selectable<SequenceTaskTable>): SequenceTask {
  return {
    id: row.id,
    enrolmentId: row.enrolment_id,
    leadId: row.lead_id,
    ownerId: row.owner_id,
    cycle: row.cycle,
    stepIndex: row.step_index,
    channel: row.channel,
    instructions: row.instructions,
    dueAt: row.due_at,
    doneAt: row.done_at,
    doneBy: row.done_by,
  };
}

function taskToRow(task: SequenceTask): Selectable<SequenceTaskTable> {
  return {
    id: task.id,
    enrolment_id: task.enrolmentId,
    lead_id: task.leadId,
    owner_id: task.ownerId,
    cycle: task.cycle,
    step_index: task.stepIndex,
    channel: task.channel,
    instructions: task.instructions,
    due_at: task.dueAt,
    done_at: task.doneAt,
    done_by: task.doneBy,
  };
}

/** Adds a task; a second one for the same enrolment, cycle and step is a unique violation. */
export async function insertSequenceTask(db: Executor, task: SequenceTask): Promise<void> {
  await db.insertInto("sequence_tasks").values(taskToRow(task)).execute();
}

const INSERT_CHUNK_ROWS = 500;

/** Adds many tasks at once (the demo workspace's history), a few hundred rows a statement. */
export async function insertSequenceTasks(db: Executor, tasks: readonly SequenceTask[]): Promise<void> {
  for (let start = 0; start < tasks.length; start += INSERT_CHUNK_ROWS) {
    await db.insertInto("sequence_tasks").values(tasks.slice(start, start + INSERT_CHUNK_ROWS).map(taskToRow)).execute();
  }
}

/** One task, locked until the transaction ends on PostgreSQL. */
export async function lockSequenceTask(db: Executor, id: string): Promise<SequenceTask | undefined> {
  const query = db.selectFrom("sequence_tasks").selectAll().where("id", "=", id);
  const row = await (supportsRowLocks(db) ? query.forUpdate() : query).executeTakeFirst();
  return row && taskRowToTask(row);
}

export async function markSequenceTaskDone(db: Executor, id: string, done: { at: number; by: string }): Promise<void> {
  await db.updateTable("sequence_tasks").set({ done_at: done.at, done_by: done.by }).where("id", "=", id).where("done_at", "is", null).execute();
}

/** The lead's fields a task list names it by. */
export type TaskLeadName = { firstName: string | null; lastName: string | null; email: string | null; phone: string | null };

/**
 * Open tasks due by `dueBy`, soonest first, each with its lead's name fields (one query), in the
 * queue of the lead's current owner (`ownerId`; null: everyone's) and with that owner: a task
 * follows its lead when the lead is reassigned. A task whose sequence was stopped (a reply, a
 * meeting, a won or lost deal) is no longer anyone's to do.
 */
export async function listOpenSequenceTasks(db: Executor, options: { ownerId: string | null; dueBy: number; limit: number }): Promise<(SequenceTask & { lead: TaskLeadName })[]> {
  let query = db
    .selectFrom("sequence_tasks")
    .innerJoin("leads", "leads.id", "sequence_tasks.lead_id")
    .innerJoin("sequence_enrolments", "sequence_enrolments.id", "sequence_tasks.enrolment_id")
    .selectAll("sequence_tasks")
    .select(["leads.owner_id as lead_owner_id", "leads.first_name as lead_first_name", "leads.last_name as lead_last_name", "leads.email as lead_email", "leads.phone as lead_phone"])
    .where("sequence_tasks.done_at", "is", null)
    .where("sequence_tasks.due_at", "<=", options.dueBy)
    .where("sequence_enrolments.status", "!=", "stopped")
    .orderBy("sequence_tasks.due_at")
    .orderBy("sequence_tasks.id")
    .limit(options.limit);
  if (options.ownerId !== null) query = query.where("leads.owner_id", "=", options.ownerId);
  return (await query.execute()).map((row) => ({
    ...taskRowToTask(row),
    ownerId: row.lead_owner_id,
    lead: { firstName: row.lead_first_name, lastName: row.lead_last_name, email: row.lead_email, phone: row.lead_phone },
  }));
}

/** A lead's tasks, newest first. */
export async function listSequenceTasksOfLead(db: Executor, leadId: string): Promise<SequenceTask[]> {
  const rows = await db.selectFrom("sequence_tasks").selectAll().where("lead_id", "=", leadId).orderBy("due_at", "desc").orderBy("id", "desc").execute();
  return rows.map(taskRowToTask);
}
