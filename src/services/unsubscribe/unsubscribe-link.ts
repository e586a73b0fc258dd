import { signUnsubscribeToken, verifyUnsubscribeToken } from "../../domain/sequences/unsubscribe-token.js";
import type { Executor } from "../../store/engine.js";
import type { ServiceContext } from "../context.js";
import { workspaceSigningKey } from "../signing-key.js";

/** Who an unsubscribe link speaks for: the address it was sent to and the lead. */
export type UnsubscribeClaim = { address: string; leadId: string };

/** The one-click unsubscribe link for this address and lead: `PUBLIC_URL/u/<signed token>`. */
export async function unsubscribeUrlOf(ctx: ServiceContext, db: Executor, publicUrl: string, claim: UnsubscribeClaim, now: number): Promise<string> {
  const token = signUnsubscribeToken(await workspaceSigningKey(ctx, db, now), claim);
  return `${publicUrl.replace(/\/+$/, "")}/u/${token}`;
}

/** What a link's token says, or null when the workspace did not sign it. */
export async function readUnsubscribeToken(ctx: ServiceContext, db: Executor, token: string, now: number): Promise<UnsubscribeClaim | null> {
  return verifyUnsubscribeToken(await workspaceSigningKey(ctx, db, now), token);
}
