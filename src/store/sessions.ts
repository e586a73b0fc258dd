import type { User } from "../domain/users/user.js";
import type { Executor } from "./engine.js";
import { userRowToUser } from "./users.js";

/** A browser session as stored: `id` is the sha256 of the cookie's token. */
export type StoredSession = { id: string; userId: string; csrfToken: string; createdAt: number; expiresAt: number };

/** Inserts a session. */
export async function insertSession(db: Executor, session: StoredSession): Promise<void> {
  await db
    .insertInto("sessions")
    .values({ id: session.id, user_id: session.userId, csrf_token: session.csrfToken, created_at: session.createdAt, expires_at: session.expiresAt })
    .execute();
}

/** A session and its user, by session id (the token's hash); expiry is the caller's to judge. */
export async function findSessionWithUser(db: Executor, id: string): Promise<{ session: StoredSession; user: User } | undefined> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .selectAll("users")
    .select(["sessions.id as session_id", "sessions.csrf_token", "sessions.created_at as session_created_at", "sessions.expires_at"])
    .where("sessions.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const session = { id: row.session_id, userId: row.id, csrfToken: row.csrf_token, createdAt: row.session_created_at, expiresAt: row.expires_at };
  return { session, user: userRowToUser(row) };
}

/** Moves a session's expiry (sliding sessions). */
export async function extendSession(db: Executor, id: string, expiresAt: number): Promise<void> {
  await db.updateTable("sessions").set({ expires_at: expiresAt }).where("id", "=", id).execute();
}

/** Deletes one session; returns the user it belonged to, if it existed. */
export async function deleteSession(db: Executor, id: string): Promise<string | undefined> {
  const row = await db.deleteFrom("sessions").where("id", "=", id).returning("user_id").executeTakeFirst();
  return row?.user_id;
}

/** Deletes every session of a user (deactivation, password change). */
export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

/** Deletes a user's expired sessions (done at each login, so the table does not grow without bound). */
export async function deleteExpiredSessionsOfUser(db: Executor, userId: string, now: number): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).where("expires_at", "<=", now).execute();
}
