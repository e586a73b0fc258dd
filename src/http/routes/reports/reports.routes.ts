import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { readOutcomeReasons } from "../../../services/qualification/read-outcome-reasons.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { isoOf, msOrUndefined } from "../../instants.js";
import { OutcomeReasonsQuery, OutcomeReasonsResponse } from "./reports.schemas.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];

/** Reports for the people who tune the pipeline and the marketing that feeds it. */
export const reportRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get(
    "/api/v1/reports/outcome-reasons",
    {
      schema: {
        tags: ["reports"],
        summary: "Disqualification and lost reasons per source and campaign",
        description: "Leads that closed in the range, each counted once as its latest outcome (a lead disqualified and then requalified is not counted).",
        security: SECURITY,
        querystring: OutcomeReasonsQuery,
        response: { 200: OutcomeReasonsResponse },
      },
    },
    async (request) => {
      principalOf(request, "pipeline:manage");
      const { from, to } = request.query;
      const report = await readOutcomeReasons(ctx, { from: msOrUndefined(from, "from"), to: msOrUndefined(to, "to") });
      return { ...report, from: isoOf(report.from), to: isoOf(report.to) };
    },
  );
};
