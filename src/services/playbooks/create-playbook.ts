import { actorOf, type Principal } from "../../domain/access/permission.js";
import type { Playbook, PlaybookInput } from "../../domain/scoring/playbook.js";
import { insertPlaybook } from "../../store/playbooks.js";
import type { ServiceContext } from "../context.js";
import { appendPlaybookEvent, checkManagesPlaybooks, checkPlaybookWrite, withUniqueName } from "./playbook-writes.js";

/** Adds a playbook (see `checkPlaybookWrite`) and appends `playbook_saved`; a taken name is a `conflict` on `name`. */
export async function createPlaybook(ctx: ServiceContext, principal: Principal, input: PlaybookInput): Promise<Playbook> {
  checkManagesPlaybooks(principal);
  return withUniqueName(input.name.trim(), () =>
    ctx.db.transaction().execute(async (trx) => {
      const checked = await checkPlaybookWrite(trx, input, null);
      const now = ctx.clock.now();
      const playbook: Playbook = { ...checked, id: ctx.ids("playbook"), createdAt: now, updatedAt: now };
      await insertPlaybook(trx, playbook);
      await appendPlaybookEvent(trx, "playbook_saved", playbook, actorOf(principal), now);
      return playbook;
    }),
  );
}
