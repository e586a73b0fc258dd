import { findLeadById, updateLead } from "../../src/store/leads.js";
import { captureLead } from "../../src/services/capture-leads.js";
import type { TestContext } from "./engines.js";

/** Captures a lead from `payload` (actor "test") and gives it to `ownerId` (null: nobody) in the store; its id. */
export async function captureLeadOwnedBy(ctx: TestContext, ownerId: string | null, payload: Record<string, unknown>): Promise<string> {
  const { leadId } = await captureLead(ctx, { payload, actor: "test" });
  await updateLead(ctx.db, { ...(await findLeadById(ctx.db, leadId))!, ownerId });
  return leadId;
}
