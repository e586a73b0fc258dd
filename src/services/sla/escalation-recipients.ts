import type { Executor } from "../../store/engine.js";
import { findRoutingProfiles } from "../../store/routing-profiles.js";

/**
 * Who hears about a lead's SLA: its owner; for manager steps (or a lead nobody owns) the
 * owner's manager, else every active manager and admin.
 */
export async function findEscalationRecipients(trx: Executor, ownerId: string | null, isForManagers: boolean): Promise<{ id: string; email: string }[]> {
  if (ownerId && !isForManagers) {
    return trx.selectFrom("users").select(["id", "email"]).where("id", "=", ownerId).where("is_active", "=", 1).execute();
  }
  const managerId = ownerId ? (await findRoutingProfiles(trx, [ownerId])).get(ownerId)?.managerId : null;
  const query = trx.selectFrom("users").select(["id", "email"]).where("is_active", "=", 1);
  return managerId ? query.where("id", "=", managerId).execute() : query.where("role", "in", ["manager", "admin"]).orderBy("id").execute();
}
