import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { actorOf } from "../../../domain/access/permission.js";
import { readPipelineConfig } from "../../../services/pipeline/read-pipeline-config.js";
import { savePipelineConfig } from "../../../services/pipeline/save-pipeline-config.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { PipelineConfigDto } from "./pipeline.schemas.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];
const tags = ["pipeline"];

/** The documented sales process: everyone reads it; admins and managers change it. */
export const pipelineRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get(
    "/api/v1/pipeline",
    { schema: { tags, summary: "Stages, qualification criteria, reasons and timings", security: SECURITY, response: { 200: PipelineConfigDto } } },
    async (request) => {
      principalOf(request, "leads:read");
      return readPipelineConfig(ctx);
    },
  );

  app.put(
    "/api/v1/pipeline",
    {
      schema: {
        tags,
        summary: "Replace the pipeline configuration",
        description: "400 names the field of an inconsistent configuration; 409 while a removed stage still holds leads. Appends `pipeline_changed`.",
        security: SECURITY,
        body: PipelineConfigDto,
        response: { 200: PipelineConfigDto },
      },
    },
    async (request) => {
      const principal = principalOf(request, "pipeline:manage");
      return savePipelineConfig(ctx, request.body, actorOf(principal));
    },
  );
};
