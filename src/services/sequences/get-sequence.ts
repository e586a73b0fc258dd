import { DomainError } from "../../domain/errors.js";
import type { Sequence } from "../../domain/sequences/sequence.js";
import type { Executor } from "../../store/engine.js";
import { findSequence, listSequences as listStoredSequences } from "../../store/sequences.js";
import type { ServiceContext } from "../context.js";

/** The error for an unknown sequence id. */
export function sequenceNotFound(id: string): DomainError {
  return new DomainError("not_found", { field: "id", message: `id: no sequence ${id}` });
}

/** One sequence by id (archived ones too); `not_found` when there is none. */
export async function getSequence(ctx: ServiceContext, id: string): Promise<Sequence> {
  return findSequenceOrFail(ctx.db, id);
}

/** Sequences by name: the live ones, and the archived ones when asked. Everyone may read them (reps enrol leads). */
export async function listSequences(ctx: ServiceContext, options: { isArchivedIncluded?: boolean } = {}): Promise<Sequence[]> {
  return listStoredSequences(ctx.db, { isArchivedIncluded: options.isArchivedIncluded ?? false });
}

export async function findSequenceOrFail(trx: Executor, id: string): Promise<Sequence> {
  const sequence = await findSequence(trx, id);
  if (!sequence) throw sequenceNotFound(id);
  return sequence;
}
