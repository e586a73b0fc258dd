import type { Role } from "../../domain/access/permission.js";
import { DomainError } from "../../domain/errors.js";
import type { Actor } from "../../domain/lead/lead-event.js";
import type { User } from "../../domain/users/user.js";
import { normalizeUserName, parseRole, parseTimezone } from "../../domain/users/user-input.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { deleteSessionsOfUser } from "../../store/sessions.js";
import { findUserById, lockActiveAdminIds, setUserPasswordHash, updateUser } from "../../store/users.js";
import type { ServiceContext } from "../context.js";
import { hashAcceptablePassword } from "./password-rules.js";

/** What an admin may change about a person; absent fields stay as they are. */
export type UserChanges = { name?: string | undefined; role?: Role | string | undefined; isActive?: boolean | undefined; password?: string | undefined; timezone?: string | undefined };

function applyChanges(user: User, changes: UserChanges): User {
  return {
    ...user,
    ...(changes.name !== undefined ? { name: normalizeUserName(changes.name) } : {}),
    ...(changes.role !== undefined ? { role: parseRole(changes.role) } : {}),
    ...(changes.timezone !== undefined ? { timezone: parseTimezone(changes.timezone) } : {}),
    ...(changes.isActive !== undefined ? { isActive: changes.isActive } : {}),
  };
}

/** Refuses a change that would leave the workspace with no active admin to manage it. */
async function keepOneActiveAdmin(trx: Executor, before: User, after: User): Promise<void> {
  const wasAdmin = before.role === "admin" && before.isActive;
  const staysAdmin = after.role === "admin" && after.isActive;
  if (!wasAdmin || staysAdmin) return;
  const others = (await lockActiveAdminIds(trx)).filter((id) => id !== before.id);
  if (others.length === 0) {
    const field = after.isActive ? "role" : "isActive";
    throw new DomainError("conflict", { field, message: `${field}: this is the last active admin; make someone else admin first` });
  }
}

/**
 * Changes a person's name, role, timezone, active flag or password and appends `user_changed`.
 * Deactivating or setting a new password ends their sessions: whoever held the old access loses it.
 */
export async function changeUser(ctx: ServiceContext, userId: string, changes: UserChanges, actor: Actor): Promise<User> {
  const passwordHash = changes.password === undefined ? undefined : await hashAcceptablePassword(changes.password);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findUserById(trx, userId);
    if (!before) throw new DomainError("not_found", { field: "id", message: `id: no user ${userId}` });
    const after = applyChanges(before, changes);
    await keepOneActiveAdmin(trx, before, after);
    const changedFields = (["name", "role", "timezone", "isActive"] as const).filter((field) => before[field] !== after[field]);
    await updateUser(trx, after);
    if (passwordHash !== undefined) await setUserPasswordHash(trx, userId, passwordHash);
    if (passwordHash !== undefined || (before.isActive && !after.isActive)) await deleteSessionsOfUser(trx, userId);
    const changed = Object.fromEntries(changedFields.map((field) => [field, { from: before[field], to: after[field] }]));
    await appendEvents(trx, [
      { leadId: null, type: "user_changed", actor, at: ctx.clock.now(), data: { userId, changed, isPasswordChanged: passwordHash !== undefined } },
    ]);
    return after;
  });
}
