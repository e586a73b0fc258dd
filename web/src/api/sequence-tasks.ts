import type { QueuedSequenceTaskDtoType, SequenceTaskDtoType } from "../../../src/http/routes/sequence-tasks/sequence-tasks.schemas.js";
import { apiRequest } from "./client.js";

/** A call, LinkedIn message or SMS a sequence step asks its owner to do by hand. */
export type SequenceTask = SequenceTaskDtoType;
/** A task in a queue, with its lead's display name. */
export type QueuedSequenceTask = QueuedSequenceTaskDtoType;

const TASKS = "/api/v1/sequence-tasks";

/** Open tasks due now, soonest first; without `ownerId`, the caller's own. */
export async function listDueSequenceTasks(ownerId: string | undefined, signal?: AbortSignal): Promise<QueuedSequenceTask[]> {
  const page = await apiRequest<{ items: QueuedSequenceTask[] }>(TASKS, { query: { ownerId }, signal });
  return page.items;
}

/** Marks the task done. */
export async function completeSequenceTask(id: string): Promise<SequenceTask> {
  return apiRequest<SequenceTask>(`${TASKS}/${encodeURIComponent(id)}/done`, { method: "POST" });
}
