import { actorOf, type Principal } from "../../domain/access/permission.js";
import type { Playbook, PlaybookInput } from "../../domain/scoring/playbook.js";
import { updatePlaybook as writePlaybook } from "../../store/playbooks.js";
import type { ServiceContext } from "../context.js";
import { findPlaybookOrFail } from "./get-playbook.js";
import { appendPlaybookEvent, checkManagesPlaybooks, checkPlaybookWrite, withUniqueName } from "./playbook-writes.js";

/**
 * Replaces a playbook's name, intent level, source, SLA policy, sequence and guidance; appends
 * `playbook_saved`. Leads it already runs on keep what it applied; the change applies to the
 * leads it is chosen for from now on.
 */
export async function updatePlaybook(ctx: ServiceContext, principal: Principal, id: string, input: PlaybookInput): Promise<Playbook> {
  checkManagesPlaybooks(principal);
  return withUniqueName(input.name.trim(), () =>
    ctx.db.transaction().execute(async (trx) => {
      const before = await findPlaybookOrFail(trx, id);
      const checked = await checkPlaybookWrite(trx, input, id);
      const playbook: Playbook = { ...before, ...checked, updatedAt: ctx.clock.now() };
      await writePlaybook(trx, playbook);
      await appendPlaybookEvent(trx, "playbook_saved", playbook, actorOf(principal), playbook.updatedAt);
      return playbook;
    }),
  );
}
