import type { PipelineConfig } from "../../domain/pipeline/pipeline-config.js";
import { readSettings } from "../../store/settings.js";
import type { ServiceContext } from "../context.js";

/** The workspace's sales process: stages, qualification criteria, reasons and timings. */
export async function readPipelineConfig(ctx: ServiceContext): Promise<PipelineConfig> {
  return (await readSettings(ctx.db)).pipeline;
}
