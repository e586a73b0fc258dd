import type { NewLeadEvent } from "../lead/lead-event.js";
import type { Enrolment, EnrolmentVia, StopReason } from "../sequences/enrolment.js";
import { leadTimeZone } from "../sequences/lead-time-zone.js";
import type { Sequence, SequenceStep, TaskChannel } from "../sequences/sequence.js";
import type { SequenceMessage, SequenceTask } from "../sequences/sequence-output.js";
import { sequenceMessageIdOf } from "../sequences/step-decision.js";
import { planStepSend, positionAfter, type SequencePosition, stepDueAt } from "../sequences/step-schedule.js";
import { renderStep, type TemplateVariables, templateVariablesOf } from "../sequences/template.js";
import type { User } from "../users/user.js";
import { demoIdFor } from "./demo-id.js";
import { DEMO_ACTOR } from "./demo-pipeline.js";
import type { DemoLead } from "./generate-demo-history.js";
import type { DemoSequenceSet } from "./demo-sequence-set.js";
import type { SeededRandom } from "./seeded-random.js";
import { DAY_MS, HOUR_MS } from "../time.js";

/** Share of leads their owner enrols in a follow-up sequence at the first touch. */
const ENROLLED_SHARE = 0.45;

/**
 * The demo configures no mailbox (the demo users have no SMTP server), so a step that falls due
 * would pause with `no_mailbox`. Live enrolments are only kept when their next step is at least
 * this far after the end of the history: the demo stays quiet while someone looks around.
 */
const QUIET_AFTER_END_MS = DAY_MS;

/** Chance that an email makes its reader opt out (nurture emails, which arrive unasked for, more often). */
const OPT_OUT_CHANCE = { follow_up: 0.004, nurture: 0.015 } as const;

/** Chance that the first email to a lead bounces (a mistyped address on the form). */
const BOUNCE_CHANCE = 0.004;

/** The most an email waits between queued and accepted; a stop by then means it was never sent. */
const MAX_SEND_DELAY_MS = 40_000;

/** An email a demo sequence sent: accepted by the server. */
export type DemoSequenceMessage = SequenceMessage & { status: "sent"; statusDetail: null; sentAt: number };

/** A manual step that fell due; still open when its owner had not done it by the end. */
export type DemoSequenceTask = SequenceTask & { ownerId: string };

/** An address taken off every sequence, shaped like a `suppressions` row. */
export type DemoSuppression = {
  value: string;
  kind: "address";
  reason: "opted_out" | "bounced";
  leadId: string | null;
  note: string | null;
  createdBy: string;
  createdAt: number;
};

/** What sequences did with one lead: its enrolments (at most the last one live), emails, tasks and events in time order. */
export type DemoLeadSequences = {
  enrolments: Enrolment[];
  messages: DemoSequenceMessage[];
  tasks: DemoSequenceTask[];
  suppression: DemoSuppression | null;
  /** The lead opted out: it is stored with `isOptedOut`. */
  isOptedOut: boolean;
  events: NewLeadEvent[];
};

export type DemoSequenceContext = {
  sequences: DemoSequenceSet;
  owner: User;
  companyName: string;
  endAt: number;
  /** How long an enrolment stays open after its last step fell due before it finishes (the sending service's grace). */
  finishGraceMs: number;
};

/** Why and when the lead's journey stops a sequence, whatever the sequence is doing. */
type PlannedStop = { at: number; reason: StopReason };

/**
 * A demo lead's sequences, true to its journey: its owner enrols it at the first touch (demo
 * requests and other high-intent leads in "Demo request", the rest in the 4-step follow-up); the
 * steps go out inside their windows in the owner's zone (demo leads have no zone of their own)
 * until the journey stops them — an emailed reply (`replied`), a reply on another channel or a
 * connected call (the owner stops it by hand), a won, lost or disqualified deal — or the reader
 * opts out or the address bounces. A follow-up whose last step ran (and the grace period after
 * it passed) moves the lead into the monthly nurture, which repeats until something stops it. Null when the owner did not enrol the lead.
 */
export function demoSequencesOfLead(demoLead: DemoLead, context: DemoSequenceContext, random: SeededRandom): DemoLeadSequences | null {
  const { lead, plan, profile } = demoLead;
  if (plan.firstResponseAt === null || lead.email === null || !random.chance(ENROLLED_SHARE)) return null;
  const journeyStop = before(plannedStopOf(demoLead), context.endAt);
  // Reached on the first call: nothing to follow up.
  if (journeyStop !== null && journeyStop.at <= plan.firstResponseAt + MAX_SEND_DELAY_MS) return null;
  const zone = leadTimeZone(lead, context.owner.timezone);
  const recipient = { address: lead.email.toLowerCase(), owner: context.owner };
  const result: DemoLeadSequences = { enrolments: [], messages: [], tasks: [], suppression: null, isOptedOut: false, events: [] };
  const render = stepRenderer(templateVariablesOf({ lead, owner: context.owner, companyName: context.companyName, unsubscribeUrl: null }));
  let sequence = profile.intent === "high" ? context.sequences.demoRequest : context.sequences.followUp;
  let via: EnrolmentVia = "manual";
  let position: SequencePosition = { cycle: 0, stepIndex: 0, anchorAt: plan.firstResponseAt };
  let now = plan.firstResponseAt;
  for (;;) {
    const enrolment = enrol(lead.id, sequence, via, now, random);
    result.enrolments.push(enrolment);
    pushEvent(result, lead.id, "enrolled", now, { enrolmentId: enrolment.id, sequenceId: sequence.id, sequenceName: sequence.name, via });
    let stop = journeyStop;
    let finishAt = Infinity;
    for (;;) {
      // Past the last step, the enrolment waits out the grace period, then finishes.
      const step = sequence.steps[position.stepIndex];
      const { sendAt, windowClosesAt } = step ? planStepSend(position.anchorAt, step, zone, now) : { sendAt: finishAt, windowClosesAt: finishAt };
      if (stop !== null && stop.at <= sendAt + MAX_SEND_DELAY_MS) {
        Object.assign(enrolment, { status: "stopped", stopReason: stop.reason, endedAt: stop.at, updatedAt: stop.at });
        recordStop(result, enrolment, stop, recipient.address, random);
        return inTimeOrder(result);
      }
      if (sendAt >= context.endAt) {
        // Still running: the next step waits in its timer. Too close to now, and the lead is left out (see QUIET_AFTER_END_MS).
        if (sendAt < context.endAt + QUIET_AFTER_END_MS) return null;
        Object.assign(enrolment, { status: "active", cycle: position.cycle, nextStepIndex: position.stepIndex, anchorAt: position.anchorAt, nextSendAt: sendAt });
        return inTimeOrder(result);
      }
      now = sendAt;
      if (!step) break;
      const run: StepRun = { result, ...recipient, enrolment, position, channel: step.channel, rendered: render(sequence, position.stepIndex), sendAt, windowClosesAt, endAt: context.endAt, random };
      if (step.channel === "email") {
        const sentAt = recordEmail(run);
        stop = earlier(stop, before(readerStopAfter(demoLead, sequence, result.messages.length === 1, sentAt, random), context.endAt));
      } else {
        recordTask(run);
      }
      const next = positionAfter(sequence, position, zone);
      if (next.kind === "end") finishAt = stepDueAt(position.anchorAt, step.dayOffset, zone) + context.finishGraceMs;
      position = next.kind === "end" ? { ...position, stepIndex: sequence.steps.length } : next;
    }
    // Every step ran and the grace period passed without a reply: finished, and on into the nurture sequence at once.
    const nurture = sequence.nurtureSequenceId === context.sequences.nurture.id ? context.sequences.nurture : null;
    Object.assign(enrolment, { status: "finished", endedAt: now, updatedAt: now });
    pushEvent(result, lead.id, "sequence_finished", now, { enrolmentId: enrolment.id, sequenceId: sequence.id, nurtureSequenceId: nurture?.id ?? null });
    if (nurture === null) return inTimeOrder(result);
    sequence = nurture;
    via = "nurture";
    position = { cycle: 0, stepIndex: 0, anchorAt: now };
  }
}

type RenderedText = { subject: string; text: string };

/** Writes a lead's steps, each once: a nurture step reads the same every month. */
function stepRenderer(variables: TemplateVariables): (sequence: Sequence, stepIndex: number) => RenderedText {
  const rendered = new Map<string, RenderedText>();
  return (sequence, stepIndex) => {
    const key = `${sequence.id}:${stepIndex}`;
    let text = rendered.get(key);
    if (text === undefined) {
      const result = renderStep(sequence.steps[stepIndex]!, variables, []);
      if (!result.isRendered) throw new Error(`demo sequence "${sequence.name}" step ${stepIndex} does not render: ${result.problem}`);
      text = result;
      rendered.set(key, text);
    }
    return text;
  };
}

/** One step running for a lead at `sendAt`. */
type StepRun = {
  result: DemoLeadSequences;
  address: string;
  owner: User;
  enrolment: Enrolment;
  position: SequencePosition;
  channel: SequenceStep["channel"];
  rendered: RenderedText;
  sendAt: number;
  windowClosesAt: number;
  endAt: number;
  random: SeededRandom;
};

function pushEvent(result: DemoLeadSequences, leadId: string, type: NewLeadEvent["type"], at: number, data: Record<string, unknown>): void {
  result.events.push({ leadId, type, actor: DEMO_ACTOR, at, data });
}

/** An email step: queued at `sendAt`, accepted seconds later, threaded on the enrolment's last email. Returns when it was sent. */
function recordEmail({ result, address, owner, enrolment, position, rendered, sendAt, windowClosesAt, random }: StepRun): number {
  const sentAt = sendAt + random.int(2, MAX_SEND_DELAY_MS / 1000) * 1000;
  const id = demoIdFor("seqmsg", sendAt, random);
  const messageId = sequenceMessageIdOf(id, owner.email);
  const { cycle, stepIndex } = position;
  result.messages.push({
    id,
    enrolmentId: enrolment.id,
    leadId: enrolment.leadId,
    cycle,
    stepIndex,
    mailboxUserId: owner.id,
    toAddress: address,
    messageId,
    inReplyTo: enrolment.lastMessageId,
    subject: rendered.subject,
    bodyText: rendered.text,
    status: "sent",
    statusDetail: null,
    windowEndsAt: windowClosesAt,
    queuedAt: sendAt,
    sentAt,
  });
  Object.assign(enrolment, { threadMessageId: enrolment.threadMessageId ?? messageId, lastMessageId: messageId, updatedAt: sentAt });
  const about = { enrolmentId: enrolment.id, sequenceMessageId: id, messageId, stepIndex, cycle, to: address };
  pushEvent(result, enrolment.leadId, "message_sent", sentAt, { ...about, subject: rendered.subject, mailboxUserId: owner.id });
  pushEvent(result, enrolment.leadId, "touch", sentAt, { channel: "email", direction: "out", outcome: null, durationSeconds: null, notes: rendered.subject, isAutomated: true });
  return sentAt;
}

/** A call or LinkedIn step: a task due at `sendAt`, done by its owner most often within a working day, else still open. */
function recordTask({ result, owner, enrolment, position, channel, rendered, sendAt, endAt, random }: StepRun): void {
  const id = demoIdFor("seqtask", sendAt, random);
  const doneAt = Math.round(sendAt + random.logNormal(20, 1.2) * HOUR_MS);
  const isDone = doneAt < endAt;
  const taskChannel = channel as TaskChannel;
  result.tasks.push({
    id,
    enrolmentId: enrolment.id,
    leadId: enrolment.leadId,
    ownerId: owner.id,
    cycle: position.cycle,
    stepIndex: position.stepIndex,
    channel: taskChannel,
    instructions: rendered.text,
    dueAt: sendAt,
    doneAt: isDone ? doneAt : null,
    doneBy: isDone ? DEMO_ACTOR : null,
  });
  Object.assign(enrolment, { updatedAt: sendAt });
  pushEvent(result, enrolment.leadId, "sequence_task_due", sendAt, { taskId: id, enrolmentId: enrolment.id, channel: taskChannel, instructions: rendered.text });
  if (isDone) pushEvent(result, enrolment.leadId, "sequence_task_done", doneAt, { taskId: id, enrolmentId: enrolment.id, channel: taskChannel });
}

/** A task done later than steps that followed it is recorded then: events sorted by time, same instants kept in order. */
function inTimeOrder(result: DemoLeadSequences): DemoLeadSequences {
  result.events.sort((a, b) => a.at - b.at);
  return result;
}

function enrol(leadId: string, sequence: Sequence, via: EnrolmentVia, at: number, random: SeededRandom): Enrolment {
  return {
    id: demoIdFor("enrolment", at, random),
    leadId,
    sequenceId: sequence.id,
    status: "active",
    cycle: 0,
    nextStepIndex: 0,
    anchorAt: at,
    nextSendAt: null,
    pausedUntil: null,
    pauseReason: null,
    stopReason: null,
    threadMessageId: null,
    lastMessageId: null,
    enrolledVia: via,
    enrolledBy: DEMO_ACTOR,
    enrolledAt: at,
    endedAt: null,
    updatedAt: at,
  };
}

/**
 * When the lead's journey stops any sequence: the lead answers (an email reply stops it as
 * `replied`; an answer on another channel or a connected call makes the owner stop it by hand),
 * or the deal closes. Null when neither happens in the history's span.
 */
function plannedStopOf({ plan }: DemoLead): PlannedStop | null {
  const firstResponseAt = plan.firstResponseAt!;
  const answer = plan.touches.find((touch) => touch.at >= firstResponseAt && (touch.direction === "in" || (touch.channel === "call" && touch.isConnected)));
  const answered: PlannedStop | null = answer ? { at: answer.at, reason: answer.direction === "in" && answer.channel === "email" ? "replied" : "manual" } : null;
  const { outcome } = plan;
  return earlier(answered, outcome.kind === "open" ? null : { at: outcome.at, reason: outcome.kind });
}

/**
 * Whether the reader of an email takes themselves off the list: the first email may bounce, any
 * may make them opt out. Only when the owner never emails them by hand afterwards (and, for a
 * bounce, they never write from the address), so the rest of the history stays true.
 */
function readerStopAfter({ plan }: DemoLead, sequence: Sequence, isFirstEmail: boolean, sentAt: number, random: SeededRandom): PlannedStop | null {
  const isBounce = isFirstEmail && random.chance(BOUNCE_CHANCE);
  const isOptOut = !isBounce && random.chance(OPT_OUT_CHANCE[sequence.purpose]);
  if (!isBounce && !isOptOut) return null;
  const at = Math.round(sentAt + (isBounce ? random.between(1, 10) * 60_000 : random.logNormal(5, 1) * HOUR_MS));
  const emailsAfter = plan.touches.some((touch) => touch.channel === "email" && touch.at >= sentAt && (isBounce || touch.direction === "out"));
  return emailsAfter ? null : { at, reason: isBounce ? "bounced" : "opted_out" };
}

/** A stop that happens inside the history; later ones have not happened yet. */
function before(stop: PlannedStop | null, endAt: number): PlannedStop | null {
  return stop !== null && stop.at < endAt ? stop : null;
}

function earlier(a: PlannedStop | null, b: PlannedStop | null): PlannedStop | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.at < a.at ? b : a;
}

/** The events (and for opt-outs and bounces, the suppression) of a stop, in the order the services write them. */
function recordStop(result: DemoLeadSequences, enrolment: Enrolment, stop: PlannedStop, address: string, random: SeededRandom): void {
  const { leadId } = enrolment;
  const stopped = { enrolmentId: enrolment.id, sequenceId: enrolment.sequenceId, reason: stop.reason };
  if (stop.reason === "replied") {
    const domain = address.slice(address.lastIndexOf("@") + 1);
    const lastSubject = result.messages.at(-1)?.subject ?? null;
    const messageId = `<${demoIdFor("reply", stop.at, random)}@${domain}>`;
    const subject = lastSubject === null ? null : `Re: ${lastSubject.replace(/^Re: /, "")}`;
    pushEvent(result, leadId, "replied", stop.at, { messageId, inReplyTo: enrolment.lastMessageId, via: "imap", subject });
  }
  pushEvent(result, leadId, "sequence_stopped", stop.at, stopped);
  if (stop.reason === "opted_out") {
    result.isOptedOut = true;
    result.suppression = { value: address, kind: "address", reason: "opted_out", leadId, note: null, createdBy: DEMO_ACTOR, createdAt: stop.at };
    pushEvent(result, leadId, "opted_out", stop.at, { address, via: "one_click" });
  }
  if (stop.reason === "bounced") {
    const diagnostic = `550 5.1.1 <${address}>: Recipient address rejected: User unknown in virtual mailbox table`;
    result.suppression = { value: address, kind: "address", reason: "bounced", leadId: null, note: diagnostic, createdBy: DEMO_ACTOR, createdAt: stop.at };
    pushEvent(result, leadId, "bounced", stop.at, { address, status: "5.1.1", diagnostic });
  }
}
