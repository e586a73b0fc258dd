import type { SequenceTask } from "../../domain/sequences/sequence-output.js";
import { actorOf, hasPermission, type Principal } from "../../domain/access/permission.js";
import { DomainError } from "../../domain/errors.js";
import { leadDisplayName } from "../../domain/lead/lead.js";
import { appendEvents } from "../../store/events.js";
import { listOpenSequenceTasks, lockSequenceTask, markSequenceTaskDone } from "../../store/sequence-tasks.js";
import type { ServiceContext } from "../context.js";
import { findWorkableLead } from "../leads/find-workable-lead.js";

/** The most tasks one queue read returns. */
const TASKS_LISTED = 200;

/**
 * Marks a manual sequence step (call, LinkedIn, SMS) done on a lead the principal may work (a
 * rep: one they own now, whoever owned it when the task was set) and appends
 * `sequence_task_done`. It logs nothing else: the touch itself is logged as a touch. Done
 * already: returned as it is. The task comes back with the lead's current owner.
 */
export async function completeSequenceTask(ctx: ServiceContext, principal: Principal, taskId: string): Promise<SequenceTask> {
  return ctx.db.transaction().execute(async (trx) => {
    const task = await lockSequenceTask(trx, taskId);
    if (!task) throw new DomainError("not_found", { field: "id", message: `id: no sequence task ${taskId}` });
    const lead = await findWorkableLead(trx, principal, task.leadId, { isLocking: false });
    const current = { ...task, ownerId: lead.ownerId };
    if (task.doneAt !== null) return current;
    const now = ctx.clock.now();
    const actor = actorOf(principal);
    await markSequenceTaskDone(trx, taskId, { at: now, by: actor });
    await appendEvents(trx, [{ leadId: task.leadId, type: "sequence_task_done", actor, at: now, data: { taskId, enrolmentId: task.enrolmentId, channel: task.channel } }]);
    return { ...current, doneAt: now, doneBy: actor };
  });
}

export type SequenceTaskQuery = {
  /** Whose tasks; undefined: the caller's own; null: everyone's (managers and admins). */
  ownerId?: string | null | undefined;
  /** Tasks due by then; undefined: now. */
  dueBy?: number | undefined;
};

/** A task in a queue, with its lead's display name so the queue can say whom to call. */
export type QueuedSequenceTask = SequenceTask & { leadName: string };

/** Open sequence tasks due by `dueBy`, soonest first. Reps read their own; managers and admins anyone's. */
export async function listSequenceTasks(ctx: ServiceContext, principal: Principal, query: SequenceTaskQuery): Promise<QueuedSequenceTask[]> {
  const ownId = principal.kind === "user" ? principal.userId : null;
  const ownerId = query.ownerId === undefined ? ownId : query.ownerId;
  if ((ownerId === null || ownerId !== ownId) && !hasPermission(principal, "sequences:manage")) {
    throw new DomainError("forbidden", { field: "ownerId", message: "ownerId: only managers and admins can read someone else's tasks" });
  }
  const tasks = await listOpenSequenceTasks(ctx.db, { ownerId, dueBy: query.dueBy ?? ctx.clock.now(), limit: TASKS_LISTED });
  return tasks.map(({ lead, ...task }) => ({ ...task, leadName: leadDisplayName(lead) }));
}
