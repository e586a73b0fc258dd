import type { Executor } from "../../store/engine.js";
import { deleteExpiredSessionsOfUser, insertSession } from "../../store/sessions.js";
import { hashSecretToken, newSecretToken } from "./secret-tokens.js";

const HOUR_MS = 60 * 60 * 1000;

/** A session just opened: the raw token goes into the cookie and is never stored. */
export type OpenedSession = { token: string; csrfToken: string; expiresAt: number };

/** Opens a session for a user inside the caller's transaction, clearing their expired ones. */
export async function openSession(db: Executor, userId: string, now: number, sessionTtlHours: number): Promise<OpenedSession> {
  const token = newSecretToken();
  const csrfToken = newSecretToken();
  const expiresAt = now + sessionTtlHours * HOUR_MS;
  await deleteExpiredSessionsOfUser(db, userId, now);
  await insertSession(db, { id: hashSecretToken(token), userId, csrfToken, createdAt: now, expiresAt });
  return { token, csrfToken, expiresAt };
}

/** Session lifetime in milliseconds. */
export function sessionTtlMs(sessionTtlHours: number): number {
  return sessionTtlHours * HOUR_MS;
}
