import type { User } from "../domain/users/user.js";
import { type Executor, supportsRowLocks } from "./engine.js";
import type { UserRow } from "./schema.js";

/** Maps a stored row to the domain user (the password hash never leaves the store this way). */
export function userRowToUser(row: UserRow): User {
  return { id: row.id, email: row.email, name: row.name, role: row.role, timezone: row.timezone, isActive: row.is_active === 1, createdAt: row.created_at };
}

/** Inserts users; `passwordHash` is null for people who cannot log in yet. */
export async function insertUsers(db: Executor, users: { user: User; passwordHash: string | null }[]): Promise<void> {
  if (users.length === 0) return;
  await db
    .insertInto("users")
    .values(
      users.map(({ user, passwordHash }) => ({
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        password_hash: passwordHash,
        timezone: user.timezone,
        is_active: user.isActive ? 1 : 0,
        created_at: user.createdAt,
      })),
    )
    .execute();
}

/** Finds a user by id. */
export async function findUserById(db: Executor, id: string): Promise<User | undefined> {
  const row = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  return row && userRowToUser(row);
}

/** Finds a user and their password hash by email (emails are stored lower-cased). */
export async function findUserCredentialsByEmail(db: Executor, email: string): Promise<{ user: User; passwordHash: string | null } | undefined> {
  const row = await db.selectFrom("users").selectAll().where("email", "=", email.toLowerCase()).executeTakeFirst();
  return row && { user: userRowToUser(row), passwordHash: row.password_hash };
}

/** The users with these ids (unknown ids are left out). */
export async function findUsersByIds(db: Executor, ids: string[]): Promise<User[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom("users").selectAll().where("id", "in", ids).execute();
  return rows.map(userRowToUser);
}

/** Every user, by name. */
export async function listUsers(db: Executor): Promise<User[]> {
  const rows = await db.selectFrom("users").selectAll().orderBy("name").orderBy("id").execute();
  return rows.map(userRowToUser);
}

/** How many users exist (zero means the workspace still needs its first admin). */
export async function countUsers(db: Executor): Promise<number> {
  const row = await db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Writes a user's name, role, timezone and active flag. */
export async function updateUser(db: Executor, user: User): Promise<void> {
  await db
    .updateTable("users")
    .set({ name: user.name, role: user.role, timezone: user.timezone, is_active: user.isActive ? 1 : 0 })
    .where("id", "=", user.id)
    .execute();
}

/** Replaces a user's password hash. */
export async function setUserPasswordHash(db: Executor, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
}

/**
 * Ids of active admins, locked until the transaction ends on PostgreSQL, so two concurrent
 * demotions cannot both see "another admin remains" and leave the workspace without one.
 */
export async function lockActiveAdminIds(db: Executor): Promise<string[]> {
  const query = db.selectFrom("users").select("id").where("role", "=", "admin").where("is_active", "=", 1);
  const rows = await (supportsRowLocks(db) ? query.forUpdate() : query).execute();
  return rows.map((row) => row.id);
}
