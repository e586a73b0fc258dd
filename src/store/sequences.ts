import type { Selectable } from "kysely";
import type { Sequence, SequenceStep } from "../domain/sequences/sequence.js";
import { type Executor, fromJsonColumn, toJsonColumn } from "./engine.js";
import type { SequenceTable } from "./schema.js";

function sequenceRowToSequence(row: Selectable<SequenceTable>): Sequence {
  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose,
    steps: fromJsonColumn<SequenceStep[]>(row.steps),
    nurtureSequenceId: row.nurture_sequence_id,
    repeatEveryDays: row.repeat_every_days,
    isArchived: row.is_archived === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function sequenceToRow(sequence: Sequence): Selectable<SequenceTable> {
  return {
    id: sequence.id,
    name: sequence.name,
    purpose: sequence.purpose,
    steps: toJsonColumn(sequence.steps),
    nurture_sequence_id: sequence.nurtureSequenceId,
    repeat_every_days: sequence.repeatEveryDays,
    is_archived: sequence.isArchived ? 1 : 0,
    created_at: sequence.createdAt,
    updated_at: sequence.updatedAt,
  };
}

/** Adds a sequence; a taken name is a unique violation. */
export async function insertSequence(db: Executor, sequence: Sequence): Promise<void> {
  await db.insertInto("sequences").values(sequenceToRow(sequence)).execute();
}

/** Writes a sequence's name, steps, nurture link and archive flag. */
export async function updateSequence(db: Executor, sequence: Sequence): Promise<void> {
  const { id, created_at: _createdAt, ...changes } = sequenceToRow(sequence);
  await db.updateTable("sequences").set(changes).where("id", "=", id).execute();
}

export async function findSequence(db: Executor, id: string): Promise<Sequence | undefined> {
  const row = await db.selectFrom("sequences").selectAll().where("id", "=", id).executeTakeFirst();
  return row && sequenceRowToSequence(row);
}

/** Every sequence by name; archived ones only when asked. */
export async function listSequences(db: Executor, options: { isArchivedIncluded: boolean }): Promise<Sequence[]> {
  let query = db.selectFrom("sequences").selectAll().orderBy("name");
  if (!options.isArchivedIncluded) query = query.where("is_archived", "=", 0);
  return (await query.execute()).map(sequenceRowToSequence);
}
