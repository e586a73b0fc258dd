import { normalizeDisplayName } from "../../domain/display-name.js";
import { DomainError } from "../../domain/errors.js";
import type { Actor } from "../../domain/lead/lead-event.js";
import { checkSlaPolicy } from "../../domain/sla/check-sla-policy.js";
import type { SlaPolicy } from "../../domain/sla/sla-policy.js";
import { findSlaPolicy } from "../../store/sla-policies.js";
import type { ServiceContext } from "../context.js";
import { slaPolicyNotFound, writeSlaPolicy } from "./sla-policy-writes.js";

/** What a manager may change on a policy; absent fields stay as they are. */
export type SlaPolicyChanges = Partial<Omit<SlaPolicy, "id">>;

/**
 * Changes a policy and appends `sla_policy_saved`. Clocks already running keep their deadlines;
 * later escalation steps follow the new chain. The default cannot simply be switched off:
 * leads that match no rule with a policy would then start no clock at all, so another policy
 * must be made the default instead.
 */
export async function changeSlaPolicy(ctx: ServiceContext, id: string, changes: SlaPolicyChanges, actor: Actor): Promise<SlaPolicy> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findSlaPolicy(trx, id);
    if (!before) throw slaPolicyNotFound(id);
    const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    const after: SlaPolicy = { ...before, ...given, id, name: normalizeDisplayName(changes.name ?? before.name) };
    checkSlaPolicy(after);
    if (before.isDefault && !after.isDefault) {
      throw new DomainError("conflict", { field: "isDefault", message: "isDefault: a workspace always has a default policy; make another policy the default instead" });
    }
    await writeSlaPolicy(trx, before, after, actor, ctx.clock.now());
    return after;
  });
}
