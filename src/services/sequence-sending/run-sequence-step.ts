import { dealOutcome } from "../../domain/pipeline/deal-outcome.js";
import { stageOf } from "../../domain/pipeline/pipeline-config.js";
import { leadTimeZone } from "../../domain/sequences/lead-time-zone.js";
import { isCurrentStep, type StepTimerPayload, stopReasonOfOutcome } from "../../domain/sequences/step-decision.js";
import { planStepSend } from "../../domain/sequences/step-schedule.js";
import type { Lead } from "../../domain/lead/lead.js";
import type { Executor } from "../../store/engine.js";
import { findLeadPipeline } from "../../store/lead-pipeline.js";
import { findLeadById } from "../../store/leads.js";
import { lockEnrolment } from "../../store/sequence-enrolments.js";
import { findSequence } from "../../store/sequences.js";
import { readSettings, type WorkspaceSettings } from "../../store/settings.js";
import { findUserById } from "../../store/users.js";
import type { ServiceContext } from "../context.js";
import { finishEnrolmentInTransaction } from "../sequences/finish-enrolment.js";
import { stopLiveEnrolmentInTransaction } from "../sequences/stop-live-enrolment.js";
import { advanceEnrolment } from "./advance-enrolment.js";
import { queueStepEmail } from "./queue-step-email.js";
import { createStepTask } from "./create-step-task.js";
import { postponeStep, type StepRun } from "./step-run.js";

/**
 * Runs an enrolment's due step inside the `sequence-step` timer's transaction, so its effects
 * commit exactly once with the timer's completion. The enrolment is locked first (a reply or a
 * stage move waits, then finds the step done); a timer that no longer matches the enrolment's
 * position does nothing. A closed lead stops the sequence; a step outside its send window waits
 * for the next opening; an email step renders and queues the message (the outbox sends it), a
 * task step puts a task in the owner's queue; then the enrolment moves to its next step. Past its
 * last step (a grace period after it) the enrolment finishes (and moves into its nurture sequence).
 */
export async function runSequenceStep(trx: Executor, ctx: ServiceContext, payload: StepTimerPayload, now: number): Promise<void> {
  const enrolment = await lockEnrolment(trx, payload.enrolmentId);
  if (!isCurrentStep(enrolment, payload)) return;
  const [lead, sequence, settings] = [await findLeadById(trx, enrolment.leadId), await findSequence(trx, enrolment.sequenceId), await readSettings(trx)];
  if (!lead || !sequence) return;
  const closedAs = stopReasonOfOutcome(await dealOutcomeOf(trx, lead, settings));
  if (closedAs) {
    await stopLiveEnrolmentInTransaction(trx, ctx, { leadId: lead.id, reason: closedAs, actor: "system", now });
    return;
  }
  const step = sequence.steps[enrolment.nextStepIndex];
  // Past the last step (its grace period over, or the sequence edited down to fewer steps): it is finished.
  if (!step) {
    await finishEnrolmentInTransaction(trx, ctx, { enrolment, sequence, lead, now });
    return;
  }
  const owner = lead.ownerId ? await findUserById(trx, lead.ownerId) : undefined;
  const zone = leadTimeZone(lead, owner?.timezone ?? null);
  const { sendAt, windowClosesAt } = planStepSend(enrolment.anchorAt, step, zone, now);
  const run: StepRun = { trx, ctx, enrolment, lead, sequence, step, owner, zone, settings, windowClosesAt, now };
  if (sendAt > now) return postponeStep(run, sendAt);
  const isDone = step.channel === "email" ? await queueStepEmail(run) : await createStepTask(run);
  if (isDone) await advanceEnrolment(run);
}

/** How the lead's deal ended, if it did (won, lost, disqualified). */
async function dealOutcomeOf(trx: Executor, lead: Lead, settings: WorkspaceSettings) {
  const state = await findLeadPipeline(trx, lead);
  if (state.closedAt === null && state.qualificationStatus !== "disqualified") return null;
  const stage = stageOf(settings.pipeline, lead.stage);
  return stage ? dealOutcome(stage, state, settings.pipeline) : null;
}
