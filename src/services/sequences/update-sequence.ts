import { actorOf, type Principal } from "../../domain/access/permission.js";
import { DomainError } from "../../domain/errors.js";
import type { SequenceInput } from "../../domain/sequences/check-sequence.js";
import type { Sequence } from "../../domain/sequences/sequence.js";
import { updateSequence as writeSequence } from "../../store/sequences.js";
import type { ServiceContext } from "../context.js";
import { findSequenceOrFail } from "./get-sequence.js";
import { checkManagesSequences } from "./sequence-access.js";
import { appendSequenceSaved, checkSequenceWrite, withUniqueName } from "./sequence-writes.js";

/**
 * Replaces a sequence's name, purpose, steps and nurture link; appends `sequence_saved`. Leads
 * already in it carry on at their step index under the new steps (a step removed from the end
 * finishes them). An archived sequence is read-only: `conflict`.
 */
export async function updateSequence(ctx: ServiceContext, principal: Principal, id: string, input: SequenceInput): Promise<Sequence> {
  checkManagesSequences(principal);
  return withUniqueName(input.name.trim(), () =>
    ctx.db.transaction().execute(async (trx) => {
      const before = await findSequenceOrFail(trx, id);
      if (before.isArchived) throw new DomainError("conflict", { message: `Sequence ${before.name} is archived.` });
      const checked = await checkSequenceWrite(trx, input, id);
      const sequence: Sequence = { ...before, ...checked, updatedAt: ctx.clock.now() };
      await writeSequence(trx, sequence);
      await appendSequenceSaved(trx, sequence, false, actorOf(principal));
      return sequence;
    }),
  );
}
