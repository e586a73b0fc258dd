import { randomBytes } from "node:crypto";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "../../domain/sequences/unsubscribe-token.js";
import type { Executor } from "../../store/engine.js";
import { readOrCreateSecretSetting } from "../../store/secret-settings.js";

/** The settings row holding the key unsubscribe links are signed with (never shown by the settings API). */
const SIGNING_KEY_SETTING = "unsubscribeSigningKey";

/** Who an unsubscribe link speaks for: the address it was sent to and the lead. */
export type UnsubscribeClaim = { address: string; leadId: string };

/** The workspace's signing key, made (256 random bits) the first time a link is needed. */
function signingKey(db: Executor, now: number): Promise<string> {
  return readOrCreateSecretSetting(db, SIGNING_KEY_SETTING, () => randomBytes(32).toString("base64url"), now);
}

/** The one-click unsubscribe link for this address and lead: `PUBLIC_URL/u/<signed token>`. */
export async function unsubscribeUrlOf(db: Executor, publicUrl: string, claim: UnsubscribeClaim, now: number): Promise<string> {
  const token = signUnsubscribeToken(await signingKey(db, now), claim);
  return `${publicUrl.replace(/\/+$/, "")}/u/${token}`;
}

/** What a link's token says, or null when the workspace did not sign it. */
export async function readUnsubscribeToken(db: Executor, token: string, now: number): Promise<UnsubscribeClaim | null> {
  return verifyUnsubscribeToken(await signingKey(db, now), token);
}
