import { appendEvents } from "../../store/events.js";
import { insertSequenceTask } from "../../store/sequence-tasks.js";
import type { TaskChannel } from "../../domain/sequences/sequence.js";
import { pauseStep, type StepRun } from "./step-run.js";
import { renderStepFor } from "./render-step-for.js";

/**
 * A manual step (call, LinkedIn, SMS by hand): a task due now in the owner's queue, its
 * instructions rendered for this lead (with linked proof), and `sequence_task_due`. Instructions the lead's data
 * cannot fill pause the sequence (template_error) like an email would. Returns whether the step is done.
 */
export async function createStepTask(run: StepRun): Promise<boolean> {
  const { trx, ctx, enrolment, lead, step, now } = run;
  const rendered = await renderStepFor(run);
  if (!rendered.isRendered) {
    await pauseStep(run, "template_error", `Step ${enrolment.nextStepIndex + 1} of "${run.sequence.name}" could not be written for this lead: ${rendered.problem}`);
    return false;
  }
  const task = {
    id: ctx.ids("seqtask"),
    enrolmentId: enrolment.id,
    leadId: lead.id,
    ownerId: lead.ownerId,
    cycle: enrolment.cycle,
    stepIndex: enrolment.nextStepIndex,
    channel: step.channel as TaskChannel,
    instructions: rendered.text,
    dueAt: now,
    doneAt: null,
    doneBy: null,
  };
  await insertSequenceTask(trx, task);
  const data = { taskId: task.id, enrolmentId: enrolment.id, channel: task.channel, instructions: task.instructions };
  await appendEvents(trx, [{ leadId: lead.id, type: "sequence_task_due", actor: "system", at: now, data }]);
  return true;
}
