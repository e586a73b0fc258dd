import { actorOf, type Principal } from "../../domain/access/permission.js";
import { DomainError } from "../../domain/errors.js";
import { appendEvents } from "../../store/events.js";
import { deleteSuppression, findSuppressionOf, type Suppression } from "../../store/suppressions.js";
import type { ServiceContext } from "../context.js";
import { checkManagesSequences } from "../sequences/sequence-access.js";

/**
 * Takes an address or domain off the suppression list; `suppression_removed`. An opt-out is
 * permanent: removing one is a `conflict`. A bounced entry may go (the address was fixed).
 */
export async function removeSuppression(ctx: ServiceContext, principal: Principal, value: string): Promise<Suppression> {
  checkManagesSequences(principal);
  const wanted = value.trim().toLowerCase();
  return ctx.db.transaction().execute(async (trx) => {
    const entry = await findSuppressionOf(trx, wanted);
    if (entry?.value !== wanted) throw new DomainError("not_found", { field: "value", message: `value: ${wanted} is not on the suppression list` });
    if (entry.reason === "opted_out") throw new DomainError("conflict", { field: "value", message: `value: ${wanted} opted out; an opt-out is permanent` });
    await deleteSuppression(trx, wanted);
    const now = ctx.clock.now();
    await appendEvents(trx, [{ leadId: entry.leadId, type: "suppression_removed", actor: actorOf(principal), at: now, data: { value: wanted, kind: entry.kind, reason: entry.reason } }]);
    return entry;
  });
}
