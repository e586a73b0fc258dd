import { randomBytes } from "node:crypto";
import type { Executor } from "../store/engine.js";
import { readOrCreateSecretSetting } from "../store/secret-settings.js";
import type { ServiceContext } from "./context.js";

/**
 * The settings row holding the key signed links are made with (never shown by the settings API).
 * It keeps the name it had when only unsubscribe links used it: links already sent depend on it.
 */
const SIGNING_KEY_SETTING = "unsubscribeSigningKey";

/** Signing keys already stored, by database: the key never changes, and every email needs it twice (body and header). */
const storedKeys = new WeakMap<object, string>();

/**
 * The workspace's key for signed links and tokens (unsubscribe links, website visitor tokens),
 * made (256 random bits) the first time one is needed, through `db` (the caller's transaction,
 * or `ctx.db`). Remembered once it is known to be stored: a key made in a transaction that then
 * rolls back must not outlive it.
 */
export async function workspaceSigningKey(ctx: ServiceContext, db: Executor, now: number): Promise<string> {
  const known = storedKeys.get(ctx.db);
  if (known !== undefined) return known;
  const { value, isNew } = await readOrCreateSecretSetting(db, SIGNING_KEY_SETTING, () => randomBytes(32).toString("base64url"), now);
  if (!isNew || db === ctx.db) storedKeys.set(ctx.db, value);
  return value;
}
