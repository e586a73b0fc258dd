import type { Principal } from "../../domain/access/permission.js";
import { DomainError } from "../../domain/errors.js";
import type { User } from "../../domain/users/user.js";
import { findApiKeyByHash, recordApiKeyUse } from "../../store/api-keys.js";
import { extendSession, findSessionWithUser } from "../../store/sessions.js";
import type { ServiceContext } from "../context.js";
import { sessionTtlMs } from "./open-session.js";
import { hashSecretToken } from "./secret-tokens.js";

/** `last_used_at` is written at most this often per key: capture is a hot path, one write a minute is plenty. */
export const API_KEY_USE_RECORD_INTERVAL_MS = 60_000;

/** API keys are `cl_` + 43 base64url characters; anything else is refused before any lookup. */
const API_KEY_PATTERN = /^cl_[A-Za-z0-9_-]{43}$/;

/** The principal an API key stands for; `unauthenticated` when the key is malformed, unknown or revoked. */
export async function authenticateApiKey(ctx: ServiceContext, key: string): Promise<Principal> {
  if (!API_KEY_PATTERN.test(key)) throw new DomainError("unauthenticated", { message: "The API key is malformed: expected `Authorization: Bearer cl_…`." });
  const apiKey = await findApiKeyByHash(ctx.db, hashSecretToken(key));
  if (!apiKey || apiKey.revokedAt !== null) throw new DomainError("unauthenticated", { message: "The API key is unknown or has been revoked." });
  const now = ctx.clock.now();
  if (apiKey.lastUsedAt === null || now - apiKey.lastUsedAt >= API_KEY_USE_RECORD_INTERVAL_MS) {
    await recordApiKeyUse(ctx.db, apiKey.id, now, API_KEY_USE_RECORD_INTERVAL_MS);
  }
  return { kind: "api_key", apiKeyId: apiKey.id, scopes: apiKey.scopes };
}

/** A live browser session. `expiresAt` moved when the session slid forward, so the cookie must be re-sent. */
export type AuthenticatedSession = { principal: Principal; user: User; csrfToken: string; expiresAt: number; isExtended: boolean };

/**
 * The session a cookie token belongs to, or null when it is unknown, expired or its user is
 * deactivated (the caller is then anonymous). Sessions slide: activity pushes expiry to a full
 * TTL again, but at most every tenth of the TTL (capped at an hour), so reads rarely write.
 */
export async function authenticateSession(ctx: ServiceContext, token: string, sessionTtlHours: number): Promise<AuthenticatedSession | null> {
  const found = await findSessionWithUser(ctx.db, hashSecretToken(token));
  const now = ctx.clock.now();
  if (!found || found.session.expiresAt <= now || !found.user.isActive) return null;
  const { session, user } = found;
  const ttlMs = sessionTtlMs(sessionTtlHours);
  const extendAfterMs = Math.min(60 * 60 * 1000, ttlMs / 10);
  const lastExtendedAt = session.expiresAt - ttlMs;
  const isExtended = now - lastExtendedAt >= extendAfterMs;
  const expiresAt = isExtended ? now + ttlMs : session.expiresAt;
  if (isExtended) await extendSession(ctx.db, session.id, expiresAt);
  return { principal: { kind: "user", userId: user.id, role: user.role }, user, csrfToken: session.csrfToken, expiresAt, isExtended };
}
