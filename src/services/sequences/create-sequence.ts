import { actorOf, type Principal } from "../../domain/access/permission.js";
import type { SequenceInput } from "../../domain/sequences/check-sequence.js";
import type { Sequence } from "../../domain/sequences/sequence.js";
import { insertSequence } from "../../store/sequences.js";
import type { ServiceContext } from "../context.js";
import { checkManagesSequences } from "./sequence-access.js";
import { appendSequenceSaved, checkSequenceWrite, withUniqueName } from "./sequence-writes.js";

/** Adds a sequence (see `checkSequenceWrite`) and appends `sequence_saved`; a taken name is a `conflict` on `name`. */
export async function createSequence(ctx: ServiceContext, principal: Principal, input: SequenceInput): Promise<Sequence> {
  checkManagesSequences(principal);
  return withUniqueName(input.name.trim(), () =>
    ctx.db.transaction().execute(async (trx) => {
      const checked = await checkSequenceWrite(trx, input, null);
      const now = ctx.clock.now();
      const sequence: Sequence = { ...checked, id: ctx.ids("sequence"), isArchived: false, createdAt: now, updatedAt: now };
      await insertSequence(trx, sequence);
      await appendSequenceSaved(trx, sequence, true, actorOf(principal));
      return sequence;
    }),
  );
}
