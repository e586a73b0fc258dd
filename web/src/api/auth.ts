import type { Static } from "typebox";
import type { SessionResponseType, SessionUserDto } from "../../../src/http/routes/auth/auth.schemas.js";
import { ApiError, apiRequest, setCsrfToken } from "./client.js";

/** The person logged in, typed from the auth routes' own schema. */
export type SessionUser = Static<typeof SessionUserDto>;

export type Session = SessionResponseType;

function started(session: Session): Session {
  setCsrfToken(session.csrfToken);
  return session;
}

/** The current session, or null when nobody is logged in. */
export async function fetchSession(): Promise<Session | null> {
  try {
    return started(await apiRequest<Session>("/api/v1/auth/session"));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Logs in with email and password. */
export async function logIn(credentials: { email: string; password: string }): Promise<Session> {
  return started(await apiRequest<Session>("/api/v1/auth/login", { method: "POST", body: credentials }));
}

/** Creates the first admin from the one-time setup link, and logs them in. */
export async function setUpFirstAdmin(input: { token: string; name: string; email: string; password: string }): Promise<Session> {
  return started(await apiRequest<Session>("/api/v1/auth/setup", { method: "POST", body: input }));
}

/** Ends the session. */
export async function logOut(): Promise<void> {
  await apiRequest<void>("/api/v1/auth/logout", { method: "POST" });
  setCsrfToken(null);
}
