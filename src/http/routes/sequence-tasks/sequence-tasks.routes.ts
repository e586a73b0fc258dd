import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { completeSequenceTask, listSequenceTasks } from "../../../services/sequences/sequence-tasks.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { presentQueuedSequenceTask, presentSequenceTask } from "./present-sequence-task.js";
import { SequenceTaskDto, SequenceTaskIdParams, SequenceTaskListQuery, SequenceTaskListResponse } from "./sequence-tasks.schemas.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];
const tags = ["sequences"];

/** Manual sequence steps (call, LinkedIn, SMS by hand) in their owner's queue. */
export const sequenceTaskRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get(
    "/api/v1/sequence-tasks",
    {
      schema: {
        tags,
        summary: "Open sequence tasks due now, soonest first",
        description: "Your own by default; managers and admins may ask for anyone's (`ownerId`), a rep asking for someone else's gets 403.",
        security: SECURITY,
        querystring: SequenceTaskListQuery,
        response: { 200: SequenceTaskListResponse },
      },
    },
    async (request) => {
      const tasks = await listSequenceTasks(ctx, principalOf(request, "leads:read"), { ownerId: request.query.ownerId });
      return { items: tasks.map(presentQueuedSequenceTask) };
    },
  );

  app.post(
    "/api/v1/sequence-tasks/:id/done",
    {
      schema: {
        tags,
        summary: "Mark a sequence task done",
        description: "Appends `sequence_task_done`. A rep may complete tasks on their own leads only (others: 404). A task done already stays as it was.",
        security: SECURITY,
        params: SequenceTaskIdParams,
        response: { 200: SequenceTaskDto },
      },
    },
    async (request) => presentSequenceTask(await completeSequenceTask(ctx, principalOf(request, "leads:work"), request.params.id)),
  );
};
