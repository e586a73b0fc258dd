import { nextWindowOpening } from "../../domain/sequences/send-window.js";
import { emailBlockOf, sequenceMessageIdOf, throttleRecheckAt } from "../../domain/sequences/step-decision.js";
import type { Executor } from "../../store/engine.js";
import { findMailbox, type Mailbox } from "../../store/mailboxes.js";
import { enqueueMessages } from "../../store/outbox.js";
import { insertSequenceMessage, mailboxUsageSince } from "../../store/sequence-messages.js";
import { findSuppressionOf } from "../../store/suppressions.js";
import { stopLiveEnrolmentInTransaction } from "../sequences/stop-live-enrolment.js";
import { pauseStep, postponeStep, type StepRun } from "./step-run.js";
import { renderStepFor } from "./render-step-for.js";
import { DAY_MS, HOUR_MS } from "../../domain/time.js";

/** The outbox channel that sends sequence emails through their owner's mailbox. */
export const SEQUENCE_EMAIL_CHANNEL = "sequence-email";

/**
 * An email step: checks the lead may be written to and the owner's mailbox may send (else stop,
 * pause or wait for the throttle), renders it, and queues it: a `sequence_messages` row with its
 * Message-ID (In-Reply-To the thread's last accepted message) and the window it must go out in,
 * and the outbox message that sends it. Returns whether the step is done.
 */
export async function queueStepEmail(run: StepRun): Promise<boolean> {
  const { trx, ctx, enrolment, lead, owner, step, now } = run;
  const address = lead.email?.toLowerCase() ?? null;
  const suppression = address ? await findSuppressionOf(trx, address) : undefined;
  const mailbox = owner ? await findMailbox(trx, owner.id) : undefined;
  const block = emailBlockOf({ email: address, isOptedOut: lead.isOptedOut, suppressionReason: suppression?.reason ?? null, hasMailbox: mailbox !== undefined });
  if (block?.kind === "stop") {
    await stopLiveEnrolmentInTransaction(trx, ctx, { leadId: lead.id, reason: block.reason, actor: "system", now });
    return false;
  }
  if (block?.kind === "pause") {
    const notice = block.reason === "no_mailbox" ? "Your mailbox is not set up, so its follow-up emails cannot be sent. Set it up in Settings → Mailbox, then resume the sequence." : null;
    await pauseStep(run, block.reason, notice);
    return false;
  }
  const recheckAt = throttleRecheckAt(await usageOf(trx, mailbox!, now), now);
  if (recheckAt !== null) {
    await postponeStep(run, nextWindowOpening(recheckAt, step.window, run.zone).opensAt);
    return false;
  }
  const rendered = await renderStepFor(run);
  if (!rendered.isRendered) {
    await pauseStep(run, "template_error", `Step ${enrolment.nextStepIndex + 1} of "${run.sequence.name}" could not be written for this lead: ${rendered.problem}`);
    return false;
  }
  const id = ctx.ids("seqmsg");
  await insertSequenceMessage(trx, {
    id,
    enrolmentId: enrolment.id,
    leadId: lead.id,
    cycle: enrolment.cycle,
    stepIndex: enrolment.nextStepIndex,
    mailboxUserId: mailbox!.userId,
    toAddress: address!,
    messageId: sequenceMessageIdOf(id, mailbox!.fromAddress),
    inReplyTo: enrolment.lastMessageId,
    subject: rendered.subject,
    bodyText: rendered.text,
    status: "queued",
    statusDetail: null,
    windowEndsAt: run.windowClosesAt,
    queuedAt: now,
    sentAt: null,
  });
  await enqueueMessages(trx, [{ id: ctx.ids("msg"), key: `${SEQUENCE_EMAIL_CHANNEL}:${id}`, channel: SEQUENCE_EMAIL_CHANNEL, payload: { sequenceMessageId: id }, availableAt: now }], now);
  return true;
}

async function usageOf(trx: Executor, mailbox: Mailbox, now: number) {
  const { lastHour, lastDay } = await mailboxUsageSince(trx, mailbox.userId, { hourSince: now - HOUR_MS, daySince: now - DAY_MS });
  return { lastHour, lastDay, hourlyLimit: mailbox.hourlyLimit, dailyLimit: mailbox.dailyLimit };
}
