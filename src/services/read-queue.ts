import { hasPermission, type Principal } from "../domain/access/permission.js";
import { DomainError } from "../domain/errors.js";
import type { Lead } from "../domain/lead/lead.js";
import { findLeadSlas, type LeadSla } from "../store/lead-sla.js";
import { listOwnerQueue } from "../store/owner-queue.js";
import type { ServiceContext } from "./context.js";

/** A person's queue: their open leads by urgency. Reps see their own; managers and admins anyone's. */
export async function readQueue(ctx: ServiceContext, principal: Principal, userId: string | undefined, limit: number): Promise<{ items: Lead[]; slas: Map<string, LeadSla> }> {
  const ownId = principal.kind === "user" ? principal.userId : undefined;
  const ownerId = userId ?? ownId;
  if (!ownerId) throw new DomainError("invalid", { field: "userId", message: "userId: an API key has no queue of its own; name whose queue to read" });
  if (ownerId !== ownId && !hasPermission(principal, "routing:manage")) {
    throw new DomainError("forbidden", { field: "userId", message: "userId: only managers and admins can read someone else's queue" });
  }
  const items = await listOwnerQueue(ctx.db, ownerId, limit);
  return { items, slas: await findLeadSlas(ctx.db, items.map((lead) => lead.id)) };
}
