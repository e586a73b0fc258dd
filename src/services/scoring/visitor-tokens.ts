import { signVisitorToken, verifyVisitorToken } from "../../domain/scoring/visitor-token.js";
import type { ServiceContext } from "../context.js";
import { workspaceSigningKey } from "../signing-key.js";

/** The actor of activity a website visitor's own browser reported (with their token, no credentials). */
export const VISITOR_ACTOR = "visitor";

/** The token a captured visitor's browser keeps, so the website snippet can record their activity. */
export async function visitorTokenFor(ctx: ServiceContext, leadId: string): Promise<string> {
  return signVisitorToken(await workspaceSigningKey(ctx, ctx.db, ctx.clock.now()), leadId);
}

/** Whether this workspace signed the token for exactly this lead. */
export async function isVisitorTokenFor(ctx: ServiceContext, token: string, leadId: string): Promise<boolean> {
  return verifyVisitorToken(await workspaceSigningKey(ctx, ctx.db, ctx.clock.now()), token) === leadId;
}
