import { DomainError } from "../../domain/errors.js";
import type { User } from "../../domain/users/user.js";
import { appendEvents } from "../../store/events.js";
import { findUserCredentialsByEmail } from "../../store/users.js";
import type { ServiceContext } from "../context.js";
import { hashPassword, verifyPassword } from "../passwords.js";
import { type OpenedSession, openSession } from "./open-session.js";
import { newSecretToken } from "./secret-tokens.js";

/** One message for every failure, so the answer does not reveal which emails have accounts. */
const WRONG_CREDENTIALS = "Email or password is wrong.";

let decoyHash: Promise<string> | undefined;

/**
 * A hash to verify against when the email is unknown: the ~50 ms argon2 check then runs on
 * every path, so response time does not reveal which emails have accounts either.
 */
function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(newSecretToken());
  return decoyHash;
}

/** Checks email and password and opens a session; `unauthenticated` for any mismatch. */
export async function logIn(
  ctx: ServiceContext,
  credentials: { email: string; password: string },
  sessionTtlHours: number,
): Promise<{ user: User; session: OpenedSession }> {
  const found = await findUserCredentialsByEmail(ctx.db, credentials.email.trim());
  const passwordHash = found?.passwordHash ?? (await decoyPasswordHash());
  const isMatch = await verifyPassword(passwordHash, credentials.password);
  if (!found?.passwordHash || !found.user.isActive || !isMatch) {
    throw new DomainError("unauthenticated", { message: WRONG_CREDENTIALS });
  }
  const user = found.user;
  const session = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const opened = await openSession(trx, user.id, now, sessionTtlHours);
    await appendEvents(trx, [{ leadId: null, type: "user_logged_in", actor: `user:${user.id}`, at: now, data: { userId: user.id } }]);
    return opened;
  });
  return { user, session };
}
