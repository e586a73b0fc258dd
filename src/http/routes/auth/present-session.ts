import type { User } from "../../../domain/users/user.js";
import type { SessionResponseType } from "./auth.schemas.js";

/** What the browser learns about its session: who is logged in and the CSRF token to echo. */
export function presentSession(user: User, csrfToken: string): SessionResponseType {
  return { user: { id: user.id, name: user.name, email: user.email, role: user.role, timezone: user.timezone }, csrfToken };
}
