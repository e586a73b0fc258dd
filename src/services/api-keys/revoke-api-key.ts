import { DomainError } from "../../domain/errors.js";
import type { Actor } from "../../domain/lead/lead-event.js";
import { findApiKeyById, revokeApiKeyById } from "../../store/api-keys.js";
import { appendEvents } from "../../store/events.js";
import type { ServiceContext } from "../context.js";

/**
 * Revokes a key so every later request with it gets 401, and appends `api_key_revoked`.
 * Revoking a revoked key changes nothing and succeeds (a retried DELETE is not an error).
 */
export async function revokeApiKey(ctx: ServiceContext, apiKeyId: string, actor: Actor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const apiKey = await findApiKeyById(trx, apiKeyId);
    if (!apiKey) throw new DomainError("not_found", { field: "id", message: `id: no API key ${apiKeyId}` });
    const now = ctx.clock.now();
    if (!(await revokeApiKeyById(trx, apiKeyId, now))) return;
    await appendEvents(trx, [{ leadId: null, type: "api_key_revoked", actor, at: now, data: { apiKeyId, name: apiKey.name, prefix: apiKey.prefix } }]);
  });
}
