import type { RoutingCandidate } from "../domain/routing/availability.js";
import type { BusinessCalendar } from "../domain/sla/business-hours.js";
import { type Executor, fromJsonColumn, toJsonColumn } from "./engine.js";

/** How routing treats one person. */
export type RoutingProfile = {
  userId: string;
  /** Their working hours; null: any hour. */
  workingHours: BusinessCalendar | null;
  /** Most open leads; null: no limit. */
  capacity: number | null;
  routingWeight: number;
  /** Who takes their leads when an SLA escalates. */
  backupUserId: string | null;
  /** Who hears about their breached SLAs. */
  managerId: string | null;
};

/** Stages in which a lead no longer counts against its owner's capacity. */
export const CLOSED_STAGES = ["won", "lost"];

const defaultProfile = (userId: string): RoutingProfile => ({ userId, workingHours: null, capacity: null, routingWeight: 1, backupUserId: null, managerId: null });

/** Routing profiles of these people; someone never configured gets the defaults (any hour, no limit, weight 1). */
export async function findRoutingProfiles(db: Executor, userIds: string[]): Promise<Map<string, RoutingProfile>> {
  const profiles = new Map(userIds.map((id) => [id, defaultProfile(id)]));
  if (userIds.length === 0) return profiles;
  const rows = await db.selectFrom("routing_profiles").selectAll().where("user_id", "in", userIds).execute();
  for (const row of rows) {
    profiles.set(row.user_id, {
      userId: row.user_id,
      workingHours: row.working_hours === null ? null : fromJsonColumn<BusinessCalendar>(row.working_hours),
      capacity: row.capacity,
      routingWeight: row.routing_weight,
      backupUserId: row.backup_user_id,
      managerId: row.manager_id,
    });
  }
  return profiles;
}

/** Inserts or replaces a routing profile. */
export async function saveRoutingProfile(db: Executor, profile: RoutingProfile, now: number): Promise<void> {
  const row = {
    working_hours: profile.workingHours === null ? null : toJsonColumn(profile.workingHours),
    capacity: profile.capacity,
    routing_weight: profile.routingWeight,
    backup_user_id: profile.backupUserId,
    manager_id: profile.managerId,
    updated_at: now,
  };
  await db
    .insertInto("routing_profiles")
    .values({ user_id: profile.userId, ...row })
    .onConflict((oc) => oc.column("user_id").doUpdateSet(row))
    .execute();
}

/** Open (not won or lost) leads per owner. */
export async function countOpenLeadsByOwner(db: Executor, userIds: string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("leads")
    .select(["owner_id", (eb) => eb.fn.countAll<number>().as("open")])
    .where("owner_id", "in", userIds)
    .where("stage", "not in", CLOSED_STAGES)
    .groupBy("owner_id")
    .execute();
  return new Map(rows.map((row) => [row.owner_id!, Number(row.open)]));
}

/**
 * Everything routing needs to decide about these people at `now`: availability, capacity use,
 * weight. Open leads are counted only for `countOpenFor` (people with a capacity, or in a
 * least-loaded pool): counting is the one query here that grows with the number of leads.
 */
export async function loadRoutingCandidates(db: Executor, userIds: string[], now: number, countOpenFor: Set<string>): Promise<Map<string, RoutingCandidate>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const users = await db.selectFrom("users").select(["id", "name", "is_active"]).where("id", "in", ids).execute();
  const profiles = await findRoutingProfiles(db, ids);
  const needsCount = ids.filter((id) => countOpenFor.has(id) || profiles.get(id)!.capacity !== null);
  const open = await countOpenLeadsByOwner(db, needsCount);
  const absences = await db.selectFrom("out_of_office").select(["user_id", "starts_at", "ends_at"]).where("user_id", "in", ids).where("ends_at", ">", now).execute();
  return new Map(
    users.map((user) => {
      const profile = profiles.get(user.id)!;
      const candidate: RoutingCandidate = {
        userId: user.id,
        name: user.name,
        isActive: user.is_active === 1,
        workingHours: profile.workingHours,
        outOfOffice: absences.filter((a) => a.user_id === user.id).map((a) => ({ startsAt: a.starts_at, endsAt: a.ends_at })),
        capacity: profile.capacity,
        openLeads: open.get(user.id) ?? 0,
        routingWeight: profile.routingWeight,
      };
      return [user.id, candidate];
    }),
  );
}
