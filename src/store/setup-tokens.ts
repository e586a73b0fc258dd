import type { Executor } from "./engine.js";

/** Stores a setup token's hash with its validity window. */
export async function insertSetupToken(db: Executor, token: { tokenHash: string; createdAt: number; expiresAt: number }): Promise<void> {
  await db.insertInto("setup_tokens").values({ token_hash: token.tokenHash, created_at: token.createdAt, expires_at: token.expiresAt, used_at: null }).execute();
}

/**
 * Uses up a setup token: true when it existed, was unused and unexpired. The conditions sit in
 * the UPDATE itself so two concurrent setups cannot both succeed with one token.
 */
export async function claimSetupToken(db: Executor, tokenHash: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable("setup_tokens")
    .set({ used_at: now })
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
