import { API_KEY_SCOPES, type ApiKeyScope } from "../../domain/access/permission.js";
import { invalidField } from "../../domain/errors.js";
import type { Actor } from "../../domain/lead/lead-event.js";
import { type ApiKey, insertApiKey } from "../../store/api-keys.js";
import { appendEvents } from "../../store/events.js";
import type { ServiceContext } from "../context.js";
import { hashSecretToken, newSecretToken } from "../auth/secret-tokens.js";

/** Every key starts with this, so leaked keys are easy to spot in logs and secret scanners. */
export const API_KEY_PREFIX = "cl_";

/** Characters of the key kept in clear for lists: `cl_` plus 7, enough to tell keys apart. */
const LISTED_PREFIX_LENGTH = 10;

export const API_KEY_NAME_MAX_LENGTH = 100;

function parseScopes(scopes: readonly string[]): ApiKeyScope[] {
  if (scopes.length === 0) throw invalidField("scopes", `must name at least one of ${API_KEY_SCOPES.join(", ")}`);
  for (const scope of scopes) {
    if (!(API_KEY_SCOPES as readonly string[]).includes(scope)) throw invalidField("scopes", `"${scope}" is not one of ${API_KEY_SCOPES.join(", ")}`);
  }
  return [...new Set(scopes as ApiKeyScope[])];
}

/** Creates an API key and appends `api_key_created`. The returned `key` is shown once and never stored. */
export async function createApiKey(ctx: ServiceContext, input: { name: string; scopes: readonly string[] }, actor: Actor): Promise<{ apiKey: ApiKey; key: string }> {
  const name = input.name.trim();
  if (name.length === 0) throw invalidField("name", "must not be empty");
  if (name.length > API_KEY_NAME_MAX_LENGTH) throw invalidField("name", `must be at most ${API_KEY_NAME_MAX_LENGTH} characters`);
  const scopes = parseScopes(input.scopes);
  const key = newSecretToken(API_KEY_PREFIX);
  const now = ctx.clock.now();
  const apiKey: ApiKey = { id: ctx.ids("key"), name, prefix: key.slice(0, LISTED_PREFIX_LENGTH), scopes, createdBy: actor, createdAt: now, revokedAt: null, lastUsedAt: null };
  await ctx.db.transaction().execute(async (trx) => {
    await insertApiKey(trx, apiKey, hashSecretToken(key));
    await appendEvents(trx, [{ leadId: null, type: "api_key_created", actor, at: now, data: { apiKeyId: apiKey.id, name, scopes, prefix: apiKey.prefix } }]);
  });
  return { apiKey, key };
}
