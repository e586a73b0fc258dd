import type { Playbook } from "../../domain/scoring/playbook.js";
import type { TrainedModel } from "../../domain/scoring/model/train-model.js";
import type { ScoringConfig } from "../../domain/scoring/scoring-config.js";
import type { BusinessCalendar } from "../../domain/sla/business-hours.js";
import type { Executor } from "../../store/engine.js";
import { listPlaybooks } from "../../store/playbooks.js";
import { findModelInUse } from "../../store/scoring-models.js";
import { readSettings } from "../../store/settings.js";

/** Everything scoring a batch of leads needs besides the leads: read once per transaction. */
export type ScoringState = {
  config: ScoringConfig;
  /** The newest trained model; none until the workspace has enough closed leads to train one. */
  model: { version: number; model: TrainedModel } | null;
  playbooks: Playbook[];
  /** The workspace's open hours, for the SLA clock a playbook restarts. */
  calendar: BusinessCalendar;
};

export async function loadScoringState(trx: Executor): Promise<ScoringState> {
  const settings = await readSettings(trx);
  return {
    config: settings.scoring,
    model: (await findModelInUse(trx)) ?? null,
    playbooks: await listPlaybooks(trx),
    calendar: settings.businessCalendar,
  };
}
