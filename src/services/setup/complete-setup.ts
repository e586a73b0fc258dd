import { DomainError, invalidField } from "../../domain/errors.js";
import type { User } from "../../domain/users/user.js";
import { appendEvents } from "../../store/events.js";
import { claimSetupToken } from "../../store/setup-tokens.js";
import { countUsers } from "../../store/users.js";
import { type OpenedSession, openSession } from "../auth/open-session.js";
import { hashSecretToken } from "../auth/secret-tokens.js";
import type { ServiceContext } from "../context.js";
import { prepareUser, writeUser } from "../users/create-user.js";

export type SetupInput = { token: string; name: string; email: string; password: string };

/**
 * Creates the first admin from a setup token and logs them in. The token is used up in the same
 * transaction; once anyone has an account, setup is closed even with an unused token.
 */
export async function completeSetup(ctx: ServiceContext, input: SetupInput, sessionTtlHours: number): Promise<{ user: User; session: OpenedSession }> {
  const prepared = await prepareUser(ctx, { email: input.email, name: input.name, role: "admin", password: input.password });
  const session = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    if ((await countUsers(trx)) > 0) throw new DomainError("conflict", { message: "Setup is already complete: log in instead." });
    if (!(await claimSetupToken(trx, hashSecretToken(input.token), now))) throw invalidField("token", "is unknown, expired or already used");
    const actor = `user:${prepared.user.id}`;
    await writeUser(trx, prepared, actor);
    await appendEvents(trx, [{ leadId: null, type: "setup_completed", actor, at: now, data: { userId: prepared.user.id } }]);
    return openSession(trx, prepared.user.id, now, sessionTtlHours);
  });
  return { user: prepared.user, session };
}
