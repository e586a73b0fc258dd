import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { actorOf } from "../../../domain/access/permission.js";
import { readModelReport } from "../../../services/scoring/read-model-report.js";
import { trainScoringModel } from "../../../services/scoring/train-scoring-model.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { presentModelReport } from "./present-model-report.js";
import { ModelPageResponse, TrainingResponse } from "./scoring-model.schemas.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];
const tags = ["scoring"];

/** The learned model: everyone reads its report; admins and managers train it. */
export const scoringModelRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get(
    "/api/v1/scoring/model",
    {
      schema: {
        tags,
        summary: "The learned model: readiness, its report, close rates by month and drift alerts",
        security: SECURITY,
        response: { 200: ModelPageResponse },
      },
    },
    async (request) => {
      principalOf(request, "leads:read");
      return presentModelReport(await readModelReport(ctx));
    },
  );

  app.post(
    "/api/v1/scoring/model/train",
    {
      schema: {
        tags,
        summary: "Train the model on every closed lead and put it in use",
        description:
          "Won leads against lost and disqualified ones, cross-validated. Live scores blend it in as leads are rescored. 409 `insufficient_history` below the minimum history, with what is missing in `detail`.",
        security: SECURITY,
        response: { 201: TrainingResponse },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request, "scoring:manage");
      return reply.status(201).send(await trainScoringModel(ctx, actorOf(principal)));
    },
  );
};
