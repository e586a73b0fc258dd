import { normalizeDisplayName } from "../../domain/display-name.js";
import type { Actor } from "../../domain/lead/lead-event.js";
import { checkSlaPolicy } from "../../domain/sla/check-sla-policy.js";
import { DEFAULT_ESCALATION, type SlaPolicy } from "../../domain/sla/sla-policy.js";
import type { ServiceContext } from "../context.js";
import { writeSlaPolicy } from "./sla-policy-writes.js";

/** A new policy: a name and a target; the rest defaults to a business-hours clock warned at half time with the standard chain. */
export type NewSlaPolicy = Pick<SlaPolicy, "name" | "targetMinutes"> & Partial<Omit<SlaPolicy, "id" | "name" | "targetMinutes">>;

/** Creates an SLA policy and appends `sla_policy_saved`; as the default it takes over from the previous one. */
export async function createSlaPolicy(ctx: ServiceContext, input: NewSlaPolicy, actor: Actor): Promise<SlaPolicy> {
  const policy: SlaPolicy = {
    id: ctx.ids("sla"),
    name: normalizeDisplayName(input.name),
    targetMinutes: input.targetMinutes,
    warningShare: input.warningShare ?? 0.5,
    clock: input.clock ?? "business",
    isAutomatedResponseEnough: input.isAutomatedResponseEnough ?? false,
    escalation: input.escalation ?? DEFAULT_ESCALATION,
    isDefault: input.isDefault ?? false,
  };
  checkSlaPolicy(policy);
  await ctx.db.transaction().execute((trx) => writeSlaPolicy(trx, null, policy, actor, ctx.clock.now()));
  return policy;
}
