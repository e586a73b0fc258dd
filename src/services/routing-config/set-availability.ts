import { invalidField } from "../../domain/errors.js";
import type { Actor } from "../../domain/lead/lead-event.js";
import { validateCalendar } from "../../domain/sla/business-hours.js";
import { parseTimezone } from "../../domain/users/user-input.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { findRoutingProfiles, type RoutingProfile, saveRoutingProfile } from "../../store/routing-profiles.js";
import { findUserById, updateUser } from "../../store/users.js";
import type { ServiceContext } from "../context.js";
import { changesBetween } from "./changes-between.js";
import { checkActivePeople } from "./check-people.js";
import { personNotFound } from "./read-availability.js";

/** How routing should treat a person: the whole profile, replaced at once, and optionally their own time zone. */
export type AvailabilitySettings = Omit<RoutingProfile, "userId"> & { timezone?: string | undefined };

const PROFILE_FIELDS = ["workingHours", "capacity", "routingWeight", "backupUserId", "managerId"] as const;

/** A backup or manager must be someone else who is still active: an escalation to nobody is silent. */
async function checkColleague(trx: Executor, userId: string, colleagueId: string | null, field: string): Promise<void> {
  if (colleagueId === null) return;
  if (colleagueId === userId) throw invalidField(field, "must be someone else");
  await checkActivePeople(trx, [colleagueId], () => field);
}

/**
 * Replaces a person's routing profile (hours, capacity, weight, backup, manager), and their time
 * zone when given, and appends `availability_changed` with what changed. The time zone is here
 * too because managers set availability but only admins may change the rest of a user.
 */
export async function setAvailability(ctx: ServiceContext, userId: string, settings: AvailabilitySettings, actor: Actor): Promise<RoutingProfile> {
  const { timezone, ...profile } = settings;
  if (profile.workingHours) validateCalendar(profile.workingHours, "workingHours");
  const newTimezone = timezone === undefined ? undefined : parseTimezone(timezone);
  return ctx.db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw personNotFound(userId);
    await checkColleague(trx, userId, profile.backupUserId, "backupUserId");
    await checkColleague(trx, userId, profile.managerId, "managerId");
    const before = (await findRoutingProfiles(trx, [userId])).get(userId)!;
    const after: RoutingProfile = { userId, ...profile };
    const changed = changesBetween(before, after, PROFILE_FIELDS);
    if (newTimezone !== undefined && newTimezone !== user.timezone) {
      await updateUser(trx, { ...user, timezone: newTimezone });
      changed.timezone = { from: user.timezone, to: newTimezone };
    }
    if (Object.keys(changed).length === 0) return after;
    const now = ctx.clock.now();
    await saveRoutingProfile(trx, after, now);
    await appendEvents(trx, [{ leadId: null, type: "availability_changed", actor, at: now, data: { userId, changed } }]);
    return after;
  });
}
