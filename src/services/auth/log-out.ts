import { appendEvents } from "../../store/events.js";
import { deleteSession } from "../../store/sessions.js";
import type { ServiceContext } from "../context.js";
import { hashSecretToken } from "./secret-tokens.js";

/** Ends the session the token belongs to; an unknown token is already logged out. */
export async function logOut(ctx: ServiceContext, sessionToken: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const userId = await deleteSession(trx, hashSecretToken(sessionToken));
    if (userId === undefined) return;
    await appendEvents(trx, [{ leadId: null, type: "user_logged_out", actor: `user:${userId}`, at: ctx.clock.now(), data: { userId } }]);
  });
}
