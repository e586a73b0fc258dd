import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { readBoard } from "../../../services/pipeline-board/read-board.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { BoardQuery, BoardResponse } from "./pipeline-board.schemas.js";
import { presentBoardColumn } from "./present-board.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];

/** The pipeline board: a column per stage with its leads. */
export const pipelineBoardRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get(
    "/api/v1/pipeline/board",
    {
      schema: {
        tags: ["pipeline"],
        summary: "Leads by stage, newest in stage first, stalled ones marked",
        description: "A rep sees their own leads unless the workspace lets reps see all.",
        security: SECURITY,
        querystring: BoardQuery,
        response: { 200: BoardResponse },
      },
    },
    async (request) => {
      const columns = await readBoard(ctx, principalOf(request, "leads:read"), { ownerId: request.query.ownerId });
      return { columns: columns.map(presentBoardColumn) };
    },
  );
};
