import type { Principal } from "../../domain/access/permission.js";
import { DomainError } from "../../domain/errors.js";
import type { User } from "../../domain/users/user.js";
import { listOutOfOffice, type OutOfOffice } from "../../store/out-of-office.js";
import { countOpenLeadsByOwner, findRoutingProfiles, type RoutingProfile } from "../../store/routing-profiles.js";
import { findUserById } from "../../store/users.js";
import type { ServiceContext } from "../context.js";
import { checkActsForPerson } from "./acts-for-person.js";

/** Everything routing knows about one person's availability, as their settings screen shows it. */
export type Availability = { user: User; profile: RoutingProfile; openLeads: number; outOfOffice: OutOfOffice[] };

/** The error for an unknown person. */
export function personNotFound(userId: string): DomainError {
  return new DomainError("not_found", { field: "id", message: `id: no user ${userId}` });
}

/** A person's routing profile, open leads and coming absences. People may read their own; managers and admins anyone's. */
export async function readAvailability(ctx: ServiceContext, principal: Principal, userId: string): Promise<Availability> {
  checkActsForPerson(principal, userId, "read availability");
  const user = await findUserById(ctx.db, userId);
  if (!user) throw personNotFound(userId);
  const profile = (await findRoutingProfiles(ctx.db, [userId])).get(userId)!;
  const openLeads = (await countOpenLeadsByOwner(ctx.db, [userId])).get(userId) ?? 0;
  return { user, profile, openLeads, outOfOffice: await listOutOfOffice(ctx.db, userId, ctx.clock.now()) };
}
