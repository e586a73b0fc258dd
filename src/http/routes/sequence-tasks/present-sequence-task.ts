import type { SequenceTask } from "../../../domain/sequences/sequence-output.js";
import type { QueuedSequenceTask } from "../../../services/sequences/sequence-tasks.js";

import { isoOf, isoOrNull } from "../../instants.js";
import type { QueuedSequenceTaskDtoType, SequenceTaskDtoType } from "./sequence-tasks.schemas.js";

/** A manual sequence step as the API shows it. */
export function presentSequenceTask(task: SequenceTask): SequenceTaskDtoType {
  const { id, leadId, enrolmentId, ownerId, channel, instructions, stepIndex, dueAt, doneAt, doneBy } = task;
  return { id, leadId, enrolmentId, ownerId, channel, instructions, stepIndex, dueAt: isoOf(dueAt), doneAt: isoOrNull(doneAt), doneBy };
}

/** A task in a queue, naming its lead. */
export function presentQueuedSequenceTask(task: QueuedSequenceTask): QueuedSequenceTaskDtoType {
  return { ...presentSequenceTask(task), leadName: task.leadName };
}
