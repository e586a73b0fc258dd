import type { Principal } from "../../domain/access/permission.js";
import type { Playbook } from "../../domain/scoring/playbook.js";
import { findLatestLeadEvent } from "../../store/events.js";
import { findLeadScores, listScoreHistory, type ScoreHistoryPoint, type StoredLeadScore } from "../../store/lead-scores.js";
import { findPlaybook } from "../../store/playbooks.js";
import type { ServiceContext } from "../context.js";
import { findVisibleLead } from "../leads/find-visible-lead.js";

/** The playbook running on a lead and why it started. */
export type RunningPlaybook = Playbook & { reason: string; appliedAt: number };

export type LeadScoreView = { current: StoredLeadScore | null; playbook: RunningPlaybook | null; history: ScoreHistoryPoint[] };

/** A lead's score with its contributions, the playbook running on it and the score's history (`not_found` for a lead the principal may not see). */
export async function readLeadScore(ctx: ServiceContext, principal: Principal, leadId: string): Promise<LeadScoreView> {
  await findVisibleLead(ctx.db, principal, leadId);
  const current = (await findLeadScores(ctx.db, [leadId])).get(leadId) ?? null;
  const playbook = current?.playbookId ? await findPlaybook(ctx.db, current.playbookId) : undefined;
  return { current, playbook: playbook ? { ...playbook, ...(await playbookReason(ctx, leadId, playbook)) } : null, history: await listScoreHistory(ctx.db, leadId) };
}

/** Why the playbook started, in words, from its latest `playbook_applied` event. */
async function playbookReason(ctx: ServiceContext, leadId: string, playbook: Playbook): Promise<{ reason: string; appliedAt: number }> {
  const event = await findLatestLeadEvent(ctx.db, leadId, "playbook_applied");
  const level = playbook.intentLevel;
  const when = event?.data.reason === "intent_changed" ? `its intent level moved to ${level}` : `it arrived with ${level} intent`;
  const source = playbook.source ? ` from ${playbook.source}` : "";
  return { reason: `Running because ${when}${source}.`, appliedAt: event?.at ?? 0 };
}
