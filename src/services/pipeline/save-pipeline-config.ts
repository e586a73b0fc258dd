import { DomainError } from "../../domain/errors.js";
import type { Actor } from "../../domain/lead/lead-event.js";
import { checkPipelineConfig } from "../../domain/pipeline/check-pipeline-config.js";
import { normalizePipelineConfig } from "../../domain/pipeline/normalize-pipeline-config.js";
import type { PipelineConfig } from "../../domain/pipeline/pipeline-config.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { countLeadsByStage } from "../../store/leads-by-stage.js";
import { readSettings, writeSetting } from "../../store/settings.js";
import type { ServiceContext } from "../context.js";

/** A stage may go only once no lead is in it: a lead in a stage the pipeline lacks has no process to follow. */
async function checkRemovedStagesEmpty(trx: Executor, removedStages: string[]): Promise<void> {
  const occupied = await countLeadsByStage(trx, removedStages);
  if (occupied.size === 0) return;
  const holding = [...occupied].map(([stage, count]) => `${stage} (${count} lead${count === 1 ? "" : "s"})`);
  throw new DomainError("conflict", {
    field: "stages",
    message: `stages: removed stages still hold leads: ${holding.join(", ")}; move them to another stage first`,
    details: { stages: Object.fromEntries(occupied) },
  });
}

/**
 * Replaces the workspace's pipeline configuration after checking it (`invalid` naming the
 * field) and that no removed stage still holds leads (`conflict`); appends `pipeline_changed`
 * with the stages added and removed and the new configuration. Saving the same configuration
 * writes nothing.
 */
export async function savePipelineConfig(ctx: ServiceContext, input: PipelineConfig, actor: Actor): Promise<PipelineConfig> {
  const config = normalizePipelineConfig(input);
  checkPipelineConfig(config);
  return ctx.db.transaction().execute(async (trx) => {
    const before = (await readSettings(trx)).pipeline;
    if (JSON.stringify(normalizePipelineConfig(before)) === JSON.stringify(config)) return before;
    const keysBefore = before.stages.map((stage) => stage.key);
    const keysAfter = config.stages.map((stage) => stage.key);
    const removedStages = keysBefore.filter((key) => !keysAfter.includes(key));
    await checkRemovedStagesEmpty(trx, removedStages);
    const now = ctx.clock.now();
    await writeSetting(trx, "pipeline", config, now);
    const data = { addedStages: keysAfter.filter((key) => !keysBefore.includes(key)), removedStages, pipeline: config };
    await appendEvents(trx, [{ leadId: null, type: "pipeline_changed", actor, at: now, data }]);
    return config;
  });
}
