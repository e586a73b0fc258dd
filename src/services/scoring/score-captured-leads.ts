import type { NewLeadEvent } from "../../domain/lead/lead-event.js";
import type { Lead } from "../../domain/lead/lead.js";
import { intentSignalsOf } from "../../domain/scoring/intent-signals.js";
import { choosePlaybook } from "../../domain/scoring/playbook.js";
import { scoreLead, scoringFacts } from "../../domain/scoring/score-lead.js";
import type { Executor } from "../../store/engine.js";
import { loadScoringInputs, type ScoringInput } from "../../store/scoring-inputs.js";
import type { ServiceContext } from "../context.js";
import { scoreLeadsInTransaction } from "./score-leads.js";
import type { ScoringState } from "./scoring-state.js";

/** A new lead with the capture events of this batch (it arrived, and any duplicate merged in since): all scoring knows of it yet. */
function newLeadInput(lead: Lead, captureEvents: readonly NewLeadEvent[] | undefined): ScoringInput {
  return { lead, answers: [], events: [...(captureEvents ?? [])], isClosed: false, isNew: true };
}

function captureEventsByLead(events: readonly NewLeadEvent[]): Map<string, NewLeadEvent[]> {
  const byLead = new Map<string, NewLeadEvent[]>();
  for (const event of events) {
    if (event.leadId === null || (event.type !== "created" && event.type !== "merged_duplicate")) continue;
    byLead.set(event.leadId, [...(byLead.get(event.leadId) ?? []), event]);
  }
  return byLead;
}

/**
 * The SLA policy of each new lead's playbook, by lead id, so routing starts the clock under it.
 * Intent level does not depend on the model, so the rules alone decide the playbook here.
 */
export function capturePlaybookPolicies(state: ScoringState, leads: readonly Lead[], events: readonly NewLeadEvent[], now: number): Map<string, string> {
  const policies = new Map<string, string>();
  if (!state.playbooks.some((playbook) => playbook.slaPolicyId)) return policies;
  const created = captureEventsByLead(events);
  for (const lead of leads) {
    const input = newLeadInput(lead, created.get(lead.id));
    const { intentLevel } = scoreLead(state.config, { facts: scoringFacts(lead, []), signals: intentSignalsOf(input.events), now, model: null });
    const policyId = choosePlaybook(state.playbooks, intentLevel, lead.source)?.slaPolicyId;
    if (policyId) policies.set(lead.id, policyId);
  }
  return policies;
}

export type CapturedLeads = {
  created: readonly Lead[];
  /** Stored leads a capture merged into: their new `merged_duplicate` event is already appended. */
  mergedIds: readonly string[];
  events: readonly NewLeadEvent[];
  /** Speed-to-lead captures start playbooks; imports of old leads are only scored. */
  isSpeedToLead: boolean;
  now: number;
};

/** Scores the leads a capture created or merged into, inside its transaction (see `scoreLeadsInTransaction`). */
export async function scoreCapturedLeads(trx: Executor, ctx: ServiceContext, state: ScoringState, captured: CapturedLeads): Promise<void> {
  const created = captureEventsByLead(captured.events);
  const merged = await loadScoringInputs(trx, captured.mergedIds);
  const inputs = [...captured.created.map((lead) => newLeadInput(lead, created.get(lead.id))), ...merged.values()];
  await scoreLeadsInTransaction(trx, ctx, inputs, { state, actor: "system", now: captured.now, isCapture: true, isPlaybookApplied: captured.isSpeedToLead });
}
