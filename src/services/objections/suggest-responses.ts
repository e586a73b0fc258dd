import { leadVisibility, type Principal } from "../../domain/access/permission.js";
import { DomainError, invalidField } from "../../domain/errors.js";
import type { Lead } from "../../domain/lead/lead.js";
import { matchProofAssets, type ProofAsset } from "../../domain/objections/proof-asset.js";
import { rankSuggestions, type ResponseSuggestion, responseWinRates } from "../../domain/objections/win-rates.js";
import { findLeadById } from "../../store/leads.js";
import { listObjectionLogs, outcomesOfObjectionLeads } from "../../store/objection-logs.js";
import { findObjection, listResponseVersions } from "../../store/objections.js";
import { listProofAssets } from "../../store/proof-assets.js";
import { readSettings } from "../../store/settings.js";
import type { ServiceContext } from "../context.js";

export type ObjectionSuggestions = { industry: string | null; responses: ResponseSuggestion[]; proofAssets: ProofAsset[] };

async function findVisibleLead(ctx: ServiceContext, principal: Principal, leadId: string): Promise<Lead> {
  const lead = await findLeadById(ctx.db, leadId);
  const visibility = leadVisibility(principal, (await readSettings(ctx.db)).repsSeeAllLeads);
  if (!lead || (visibility.kind === "owned_by" && lead.ownerId !== visibility.userId)) {
    throw new DomainError("not_found", { field: "id", message: `id: no lead ${leadId}` });
  }
  return lead;
}

/** The lead's industry from its `custom.industry` field, when it is a non-blank string. */
function industryOf(lead: Lead): string | null {
  const industry = lead.custom.industry;
  return typeof industry === "string" && industry.trim() !== "" ? industry.trim() : null;
}

/**
 * What to answer when this lead raises this objection: every response version ranked by win
 * rate over all leads that heard it (with the sample behind it), and the proof assets tagged
 * with the objection, the lead's industry first.
 */
export async function suggestResponses(ctx: ServiceContext, principal: Principal, leadId: string, objectionId: string): Promise<ObjectionSuggestions> {
  const lead = await findVisibleLead(ctx, principal, leadId);
  if (!(await findObjection(ctx.db, objectionId))) throw invalidField("objectionId", `no objection ${objectionId}`);
  const [versions, logs, outcomes, assets] = await Promise.all([
    listResponseVersions(ctx.db, [objectionId]),
    listObjectionLogs(ctx.db, objectionId),
    outcomesOfObjectionLeads(ctx.db, objectionId),
    listProofAssets(ctx.db),
  ]);
  const industry = industryOf(lead);
  return { industry, responses: rankSuggestions(versions, responseWinRates(logs, outcomes)), proofAssets: matchProofAssets(assets, objectionId, industry) };
}
