import type { Principal } from "../../domain/access/permission.js";
import { DomainError } from "../../domain/errors.js";
import type { Lead } from "../../domain/lead/lead.js";
import type { LeadPipeline } from "../../domain/pipeline/lead-pipeline.js";
import type { Executor } from "../../store/engine.js";
import { findLeadPipeline } from "../../store/lead-pipeline.js";
import { findWorkableLead } from "../leads/find-workable-lead.js";

/**
 * The lead (locked, so concurrent changes to its pipeline state queue up) and its pipeline
 * state, for work that needs an open lead: `conflict` when it is won, lost or disqualified.
 */
export async function findOpenLeadPipeline(trx: Executor, principal: Principal, leadId: string): Promise<{ lead: Lead; state: LeadPipeline }> {
  const lead = await findWorkableLead(trx, principal, leadId, { isLocking: true });
  const state = await findLeadPipeline(trx, lead);
  if (state.qualificationStatus === "disqualified") throw new DomainError("conflict", { message: "The lead is disqualified; requalify it first." });
  if (state.closedAt !== null) throw new DomainError("conflict", { message: "The lead is closed (won or lost); reopen it first." });
  return { lead, state };
}
