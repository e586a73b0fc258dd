import { appendEvents } from "../../store/events.js";
import { insertSetupToken } from "../../store/setup-tokens.js";
import { countUsers } from "../../store/users.js";
import type { ServiceContext } from "../context.js";
import { hashSecretToken, newSecretToken } from "../auth/secret-tokens.js";

/** How long a setup link works: long enough to open it after lunch, short enough that a leaked log line expires. */
export const SETUP_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * When the workspace has no users yet, creates a one-time setup token (only its hash is stored)
 * and returns it for the setup link; otherwise null. Each start without users makes a new token.
 */
export async function startSetupIfNoUsers(ctx: ServiceContext): Promise<string | null> {
  if ((await countUsers(ctx.db)) > 0) return null;
  const token = newSecretToken();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await insertSetupToken(trx, { tokenHash: hashSecretToken(token), createdAt: now, expiresAt: now + SETUP_TOKEN_TTL_MS });
    await appendEvents(trx, [{ leadId: null, type: "setup_started", actor: "system", at: now, data: { expiresAt: now + SETUP_TOKEN_TTL_MS } }]);
  });
  return token;
}
