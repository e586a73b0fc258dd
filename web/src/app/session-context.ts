import { createContext, useContext } from "react";
import type { SessionUser } from "../api/auth.js";

/** The logged-in user, provided to every signed-in screen. */
export const SessionUserContext = createContext<SessionUser | null>(null);

/** The logged-in user (for names and their time zone); only signed-in screens call this. */
export function useSessionUser(): SessionUser {
  const user = useContext(SessionUserContext);
  if (!user) throw new Error("useSessionUser outside a signed-in screen");
  return user;
}
