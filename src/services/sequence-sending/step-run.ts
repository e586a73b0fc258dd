import type { Lead } from "../../domain/lead/lead.js";
import type { Enrolment, PauseReason } from "../../domain/sequences/enrolment.js";
import type { Sequence, SequenceStep } from "../../domain/sequences/sequence.js";
import type { User } from "../../domain/users/user.js";
import type { Executor } from "../../store/engine.js";
import { updateEnrolment } from "../../store/sequence-enrolments.js";
import type { WorkspaceSettings } from "../../store/settings.js";
import type { ServiceContext } from "../context.js";
import { notifyPeople } from "../notifications/notify-people.js";
import { pauseLiveEnrolmentInTransaction } from "../sequences/pause-live-enrolment.js";
import { scheduleStepTimer } from "../sequences/sequence-timers.js";

/** One due step as the `sequence-step` timer runs it: everything read once, in the timer's transaction. */
export type StepRun = {
  trx: Executor;
  ctx: ServiceContext;
  enrolment: Enrolment;
  lead: Lead;
  sequence: Sequence;
  step: SequenceStep;
  owner: User | undefined;
  /** The lead's time zone, which its send windows are read in. */
  zone: string;
  settings: WorkspaceSettings;
  /** The send window's stretch this step goes out in closes here. */
  windowClosesAt: number;
  now: number;
};

/** Puts the step off to `at` (a window opening or a throttle recheck): same timer key, same step, `next_send_at` moved. */
export async function postponeStep(run: StepRun, at: number): Promise<void> {
  const postponed: Enrolment = { ...run.enrolment, nextSendAt: at, updatedAt: run.now };
  await updateEnrolment(run.trx, postponed);
  await scheduleStepTimer(run.trx, postponed, run.now);
}

/**
 * Pauses the sequence until someone fixes what blocks the step (no address, no mailbox, a
 * template the lead's data cannot fill) and, when it is the owner's to fix, emails them why.
 */
export async function pauseStep(run: StepRun, reason: PauseReason, ownerNotice: string | null): Promise<void> {
  const { trx, ctx, enrolment, lead, owner, now } = run;
  await pauseLiveEnrolmentInTransaction(trx, ctx, { leadId: lead.id, reason, until: null, actor: "system", now });
  if (ownerNotice === null || owner === undefined) return;
  // The position makes the key: the same step blocked again after a resume notifies again.
  const noticeReason = `sequence_${reason}:${enrolment.id}:${enrolment.cycle}:${enrolment.nextStepIndex}:${now}`;
  await notifyPeople(trx, ctx, [{ reason: noticeReason, recipients: [{ id: owner.id, email: owner.email }], lead, headline: "Follow-up paused", detail: ownerNotice, slaDueAt: null, slackWebhookUrl: null }], now);
}
