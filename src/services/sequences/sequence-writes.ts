import { DomainError, invalidField } from "../../domain/errors.js";
import type { Actor } from "../../domain/lead/lead-event.js";
import { checkSequenceInput, type SequenceInput } from "../../domain/sequences/check-sequence.js";
import type { Sequence } from "../../domain/sequences/sequence.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { listProofAssets } from "../../store/proof-assets.js";
import { findSequence } from "../../store/sequences.js";
import { readSettings } from "../../store/settings.js";
import { isUniqueViolation } from "../../store/unique-violation.js";

/**
 * Checks a sequence as a manager wrote it (`checkSequenceInput`: steps, templates, proof
 * assets) and what it points at: its nurture sequence exists, is a live nurture sequence and
 * is not the sequence itself (`selfId`). Returns the trimmed input.
 */
export async function checkSequenceWrite(trx: Executor, input: SequenceInput, selfId: string | null): Promise<SequenceInput> {
  const { companyName } = await readSettings(trx);
  const proofAssetIds = (await listProofAssets(trx)).map((asset) => asset.id);
  const checked = checkSequenceInput(input, { companyNameIsSet: companyName !== null, proofAssetIds });
  if (checked.nurtureSequenceId !== null) {
    const nurture = await findSequence(trx, checked.nurtureSequenceId);
    if (!nurture || nurture.isArchived) throw invalidField("nurtureSequenceId", `no live sequence ${checked.nurtureSequenceId}`);
    if (nurture.purpose !== "nurture" || nurture.id === selfId) throw invalidField("nurtureSequenceId", `${nurture.name} is not a nurture sequence`);
  }
  return checked;
}

/** Appends `sequence_saved` for a created or changed sequence. */
export async function appendSequenceSaved(trx: Executor, sequence: Sequence, isNew: boolean, actor: Actor): Promise<void> {
  await appendEvents(trx, [{ leadId: null, type: "sequence_saved", actor, at: sequence.updatedAt, data: { sequenceId: sequence.id, name: sequence.name, isNew } }]);
}

/** Runs a sequence write; a taken name (the unique index decides, also under a race) is a `conflict` on `name`. */
export async function withUniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("conflict", { field: "name", message: `name: a sequence is already called ${name}` });
    throw error;
  }
}
