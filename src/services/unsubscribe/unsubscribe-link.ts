import { randomBytes } from "node:crypto";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "../../domain/sequences/unsubscribe-token.js";
import type { Executor } from "../../store/engine.js";
import type { ServiceContext } from "../context.js";
import { readOrCreateSecretSetting } from "../../store/secret-settings.js";

/** The settings row holding the key unsubscribe links are signed with (never shown by the settings API). */
const SIGNING_KEY_SETTING = "unsubscribeSigningKey";

/** Who an unsubscribe link speaks for: the address it was sent to and the lead. */
export type UnsubscribeClaim = { address: string; leadId: string };

/** Signing keys already stored, by database: the key never changes, and every email needs it twice (body and header). */
const storedKeys = new WeakMap<object, string>();

/**
 * The workspace's signing key, made (256 random bits) the first time a link is needed, through
 * `db` (the caller's transaction, or `ctx.db`). Remembered once it is known to be stored: a key
 * made in a transaction that then rolls back must not outlive it.
 */
async function signingKey(ctx: ServiceContext, db: Executor, now: number): Promise<string> {
  const known = storedKeys.get(ctx.db);
  if (known !== undefined) return known;
  const { value, isNew } = await readOrCreateSecretSetting(db, SIGNING_KEY_SETTING, () => randomBytes(32).toString("base64url"), now);
  if (!isNew || db === ctx.db) storedKeys.set(ctx.db, value);
  return value;
}

/** The one-click unsubscribe link for this address and lead: `PUBLIC_URL/u/<signed token>`. */
export async function unsubscribeUrlOf(ctx: ServiceContext, db: Executor, publicUrl: string, claim: UnsubscribeClaim, now: number): Promise<string> {
  const token = signUnsubscribeToken(await signingKey(ctx, db, now), claim);
  return `${publicUrl.replace(/\/+$/, "")}/u/${token}`;
}

/** What a link's token says, or null when the workspace did not sign it. */
export async function readUnsubscribeToken(ctx: ServiceContext, db: Executor, token: string, now: number): Promise<UnsubscribeClaim | null> {
  return verifyUnsubscribeToken(await signingKey(ctx, db, now), token);
}
