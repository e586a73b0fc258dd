import { actorOf, type Principal } from "../../domain/access/permission.js";
import { deletePlaybook as removePlaybook } from "../../store/playbooks.js";
import type { ServiceContext } from "../context.js";
import { findPlaybookOrFail } from "./get-playbook.js";
import { appendPlaybookEvent, checkManagesPlaybooks } from "./playbook-writes.js";

/**
 * Deletes a playbook and appends `playbook_deleted`. Leads it ran on keep their SLA clock and
 * sequence; their score no longer names it. An unknown id is `not_found`.
 */
export async function deletePlaybook(ctx: ServiceContext, principal: Principal, id: string): Promise<void> {
  checkManagesPlaybooks(principal);
  await ctx.db.transaction().execute(async (trx) => {
    const playbook = await findPlaybookOrFail(trx, id);
    await removePlaybook(trx, id);
    await appendPlaybookEvent(trx, "playbook_deleted", playbook, actorOf(principal), ctx.clock.now());
  });
}
