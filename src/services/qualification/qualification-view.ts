import type { LeadPipeline } from "../../domain/pipeline/lead-pipeline.js";
import type { PipelineConfig } from "../../domain/pipeline/pipeline-config.js";
import { type Qualification, qualificationOf } from "../../domain/qualification/qualification.js";
import type { Executor } from "../../store/engine.js";
import { listQualificationAnswers } from "../../store/qualification-answers.js";

/** The qualification view of a lead in this pipeline state, with its stored answers. */
export async function qualificationView(db: Executor, config: PipelineConfig, state: LeadPipeline): Promise<Qualification> {
  return qualificationOf(config, state, await listQualificationAnswers(db, state.leadId));
}
