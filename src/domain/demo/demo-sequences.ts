import type { NewLeadEvent } from "../lead/lead-event.js";
import type { Enrolment, EnrolmentVia, StopReason } from "../sequences/enrolment.js";
import { leadTimeZone } from "../sequences/lead-time-zone.js";
import { BUSINESS_HOURS_WINDOW, type Sequence, type SequenceStep, type TaskChannel } from "../sequences/sequence.js";
import { sequenceMessageIdOf } from "../sequences/step-decision.js";
import { planStepSend, positionAfter, type SequencePosition } from "../sequences/step-schedule.js";
import { renderStep, templateVariablesOf } from "../sequences/template.js";
import type { User } from "../users/user.js";
import { demoIdFor } from "./demo-id.js";
import { DEMO_ACTOR } from "./demo-pipeline.js";
import type { DemoLead } from "./generate-demo-history.js";
import { type SeededRandom, streamFor } from "./seeded-random.js";
import { DAY_MS, HOUR_MS } from "./zoned-time.js";

/** The company the demo's emails are signed for, when the workspace has not named its own. */
export const DEMO_COMPANY_NAME = "Brightwave Software";

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

const step = (dayOffset: number, channel: SequenceStep["channel"], subject: string, body: string): SequenceStep => ({
  dayOffset,
  channel,
  subject,
  body,
  window: BUSINESS_HOURS_WINDOW,
  proofAssetIds: [],
});

/*
 * Templates use only what every demo lead has (first name, email, title, owner, company name)
 * and give everything else a default (students come without a company).
 */
const HELLO = `Hi {{ lead.firstName | default: "there" }},`;
const SIGNATURE = `{{ owner.name }}\n{{ company.name }}`;

const FOLLOW_UP_STEPS: readonly SequenceStep[] = [
  step(
    0,
    "email",
    `Your enquiry to {{ company.name }}`,
    `${HELLO}\n\nthanks for getting in touch. I look after teams like {{ lead.company | default: "yours" }} and would love to hear what made you reach out.\n\nWould a 20-minute call this week work? Reply with a time that suits you.\n\n${SIGNATURE}`,
  ),
  step(2, "call", "", `Call {{ lead.firstName | default: "the lead" }} ({{ lead.title | default: "no title given" }} at {{ lead.company | default: "no company given" }}): ask what prompted the enquiry and offer a 20-minute walkthrough.`),
  step(
    5,
    "email",
    `Re: Your enquiry to {{ company.name }}`,
    `${HELLO}\n\na quick follow-up: most teams we work with answer new leads in minutes instead of hours within their first week.\n\nIs that something {{ lead.company | default: "your team" }} is looking at right now?\n\n${SIGNATURE}`,
  ),
  step(10, "linkedin", "", `Connect with {{ lead.name | default: "the lead" }} on LinkedIn with a short note that refers to your two emails.`),
];

const DEMO_REQUEST_STEPS: readonly SequenceStep[] = [
  step(
    0,
    "email",
    `Your {{ company.name }} demo`,
    `${HELLO}\n\nthanks for asking for a demo. I can show you how {{ lead.company | default: "your team" }} would route, answer and follow up every lead.\n\nWhich day this week suits you? Reply and I will send an invitation.\n\n${SIGNATURE}`,
  ),
  step(1, "call", "", `Call {{ lead.firstName | default: "the lead" }} to book the demo they asked for.`),
  step(3, "email", `Re: Your {{ company.name }} demo`, `${HELLO}\n\nstill keen on the demo? Reply with two times that work and I will make one of them happen.\n\n${SIGNATURE}`),
];

const NURTURE_STEPS: readonly SequenceStep[] = [
  step(
    0,
    "email",
    `One idea a month from {{ company.name }}`,
    `${HELLO}\n\nonce a month I share one thing that helps sales teams follow up faster. This month: leads answered within five minutes are far more likely to turn into a meeting than those answered the next day.\n\nIf the timing is right for {{ lead.company | default: "your team" }} now, just reply.\n\n${SIGNATURE}`,
  ),
];

/** The demo's sequences: a 4-step follow-up, a short one for demo requests, and the monthly nurture both move leads into. */
export type DemoSequenceSet = { followUp: Sequence; demoRequest: Sequence; nurture: Sequence };

/** The three sequences as a manager would have set them up before the first demo lead arrived; ids from the seed. */
export function demoSequencesOf(seed: number, createdAt: number): DemoSequenceSet {
  const sequence = (key: string, fields: Pick<Sequence, "name" | "purpose" | "steps" | "nurtureSequenceId" | "repeatEveryDays">): Sequence => ({
    id: demoIdFor("sequence", createdAt, streamFor(seed, "sequence", key)),
    ...fields,
    isArchived: false,
    createdAt,
    updatedAt: createdAt,
  });
  const nurture = sequence("nurture", { name: "Monthly nurture", purpose: "nurture", steps: [...NURTURE_STEPS], nurtureSequenceId: null, repeatEveryDays: 30 });
  return {
    followUp: sequence("follow-up", { name: "New lead follow-up", purpose: "follow_up", steps: [...FOLLOW_UP_STEPS], nurtureSequenceId: nurture.id, repeatEveryDays: null }),
    demoRequest: sequence("demo-request", { name: "Demo request", purpose: "follow_up", steps: [...DEMO_REQUEST_STEPS], nurtureSequenceId: nurture.id, repeatEveryDays: null }),
    nurture,
  };
}

/** An email a demo sequence sent, shaped like a `sequence_messages` row. */
export type DemoSequenceMessage = {
  id: string;
  enrolmentId: string;
  leadId: string;
  cycle: number;
  stepIndex: number;
  mailboxUserId: string;
  toAddress: string;
  messageId: string;
  inReplyTo: string | null;
  subject: string;
  bodyText: string;
  status: "sent";
  statusDetail: null;
  windowEndsAt: number;
  queuedAt: number;
  sentAt: number;
};

/** A manual step that fell due, shaped like a `sequence_tasks` row; still open when its owner had not done it by the end. */
export type DemoSequenceTask = {
  id: string;
  enrolmentId: string;
  leadId: string;
  ownerId: string;
  cycle: number;
  stepIndex: number;
  channel: TaskChannel;
  instructions: string;
  dueAt: number;
  doneAt: number | null;
  doneBy: string | null;
};

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

export type DemoSequenceContext = { sequences: DemoSequenceSet; owner: User; companyName: string; endAt: number };

/** Why and when the lead's journey stops a sequence, whatever the sequence is doing. */
type PlannedStop = { at: number; reason: StopReason };

/**
 * A demo lead's sequences, true to its journey: its owner enrols it at the first touch (demo
 * requests and other high-intent leads in "Demo request", the rest in the 4-step follow-up); the
 * steps go out inside their windows in the owner's zone (demo leads have no zone of their own)
 * until the journey stops them — an emailed reply (`replied`), a reply on another channel or a
 * connected call (the owner stops it by hand), a won, lost or disqualified deal — or the reader
 * opts out or the address bounces. A follow-up that runs out moves the lead into the monthly
 * nurture, which repeats until something stops it. Null when the owner did not enrol the lead.
 */
export function demoSequencesOfLead(demoLead: DemoLead, context: DemoSequenceContext, random: SeededRandom): DemoLeadSequences | null {
  const { lead, plan, profile } = demoLead;
  if (plan.firstResponseAt === null || lead.email === null || !random.chance(ENROLLED_SHARE)) return null;
  const zone = leadTimeZone(lead, context.owner.timezone);
  const variables = templateVariablesOf({ lead, owner: context.owner, companyName: context.companyName, unsubscribeUrl: null });
  const address = lead.email.toLowerCase();
  const result: DemoLeadSequences = { enrolments: [], messages: [], tasks: [], suppression: null, isOptedOut: false, events: [] };
  const event = (type: NewLeadEvent["type"], at: number, data: Record<string, unknown>) => result.events.push({ leadId: lead.id, type, actor: DEMO_ACTOR, at, data });
  const renderedSteps = new Map<string, { subject: string; text: string }>();
  // A nurture step reads the same every month: each step is written once for the lead.
  const render = (sequence: Sequence, stepIndex: number) => {
    const key = `${sequence.id}:${stepIndex}`;
    let rendered = renderedSteps.get(key);
    if (rendered === undefined) {
      const result = renderStep(sequence.steps[stepIndex]!, variables, []);
      if (!result.isRendered) throw new Error(`demo sequence "${sequence.name}" step ${stepIndex} does not render: ${result.problem}`);
      rendered = result;
      renderedSteps.set(key, rendered);
    }
    return rendered;
  };
  const journeyStop = before(plannedStopOf(demoLead), context.endAt);
  let sequence = profile.intent === "high" ? context.sequences.demoRequest : context.sequences.followUp;
  let via: EnrolmentVia = "manual";
  let position: SequencePosition = { cycle: 0, stepIndex: 0, anchorAt: plan.firstResponseAt };
  let now = plan.firstResponseAt;
  for (;;) {
    const enrolment = enrol(lead.id, sequence, via, now, random);
    result.enrolments.push(enrolment);
    event("enrolled", now, { enrolmentId: enrolment.id, sequenceId: sequence.id, sequenceName: sequence.name, via });
    let stop = journeyStop;
    for (;;) {
      const current = sequence.steps[position.stepIndex]!;
      const { sendAt, windowClosesAt } = planStepSend(position.anchorAt, current, zone, now);
      if (stop !== null && stop.at <= sendAt + MAX_SEND_DELAY_MS) {
        Object.assign(enrolment, { status: "stopped", stopReason: stop.reason, endedAt: stop.at, updatedAt: stop.at });
        recordStop(result, enrolment, stop, address, lead.id, event, random);
        return inTimeOrder(result);
      }
      if (sendAt >= context.endAt) {
        // Still running: the next step waits in its timer. Too close to now, and the lead is left out (see QUIET_AFTER_END_MS).
        if (sendAt < context.endAt + QUIET_AFTER_END_MS) return null;
        Object.assign(enrolment, { status: "active", cycle: position.cycle, nextStepIndex: position.stepIndex, anchorAt: position.anchorAt, nextSendAt: sendAt });
        return inTimeOrder(result);
      }
      const rendered = render(sequence, position.stepIndex);
      if (current.channel === "email") {
        const sentAt = sendAt + random.int(2, MAX_SEND_DELAY_MS / 1000) * 1000;
        const id = demoIdFor("seqmsg", sendAt, random);
        const messageId = sequenceMessageIdOf(id, context.owner.email);
        const message: DemoSequenceMessage = {
          id,
          enrolmentId: enrolment.id,
          leadId: lead.id,
          cycle: position.cycle,
          stepIndex: position.stepIndex,
          mailboxUserId: context.owner.id,
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
        };
        result.messages.push(message);
        Object.assign(enrolment, { threadMessageId: enrolment.threadMessageId ?? messageId, lastMessageId: messageId, updatedAt: sentAt });
        const about = { enrolmentId: enrolment.id, sequenceMessageId: id, messageId, stepIndex: position.stepIndex, cycle: position.cycle, to: address };
        event("message_sent", sentAt, { ...about, subject: rendered.subject, mailboxUserId: context.owner.id });
        event("touch", sentAt, { channel: "email", direction: "out", outcome: null, durationSeconds: null, notes: rendered.subject, isAutomated: true });
        stop = earlier(stop, before(readerStopAfter(demoLead, sequence, result.messages.length === 1, sentAt, random), context.endAt));
      } else {
        const id = demoIdFor("seqtask", sendAt, random);
        const doneAt = Math.round(sendAt + random.logNormal(20, 1.2) * HOUR_MS);
        const isDone = doneAt < context.endAt;
        const task: DemoSequenceTask = {
          id,
          enrolmentId: enrolment.id,
          leadId: lead.id,
          ownerId: context.owner.id,
          cycle: position.cycle,
          stepIndex: position.stepIndex,
          channel: current.channel,
          instructions: rendered.text,
          dueAt: sendAt,
          doneAt: isDone ? doneAt : null,
          doneBy: isDone ? DEMO_ACTOR : null,
        };
        result.tasks.push(task);
        Object.assign(enrolment, { updatedAt: sendAt });
        event("sequence_task_due", sendAt, { taskId: id, enrolmentId: enrolment.id, channel: task.channel, instructions: task.instructions });
        if (isDone) event("sequence_task_done", doneAt, { taskId: id, enrolmentId: enrolment.id, channel: task.channel });
      }
      now = sendAt;
      const next = positionAfter(sequence, position, zone);
      if (next.kind === "end") break;
      position = next;
    }
    // Every step ran without a reply: finished, and on into the nurture sequence at once.
    const nurture = sequence.nurtureSequenceId === context.sequences.nurture.id ? context.sequences.nurture : null;
    Object.assign(enrolment, { status: "finished", endedAt: now, updatedAt: now });
    event("sequence_finished", now, { enrolmentId: enrolment.id, sequenceId: sequence.id, nurtureSequenceId: nurture?.id ?? null });
    if (nurture === null) return inTimeOrder(result);
    sequence = nurture;
    via = "nurture";
    position = { cycle: 0, stepIndex: 0, anchorAt: now };
  }
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
function recordStop(
  result: DemoLeadSequences,
  enrolment: Enrolment,
  stop: PlannedStop,
  address: string,
  leadId: string,
  event: (type: NewLeadEvent["type"], at: number, data: Record<string, unknown>) => void,
  random: SeededRandom,
): void {
  const stopped = { enrolmentId: enrolment.id, sequenceId: enrolment.sequenceId, reason: stop.reason };
  if (stop.reason === "replied") {
    const domain = address.slice(address.lastIndexOf("@") + 1);
    const lastSubject = result.messages.at(-1)?.subject ?? null;
    const messageId = `<${demoIdFor("reply", stop.at, random)}@${domain}>`;
    event("replied", stop.at, { messageId, inReplyTo: enrolment.lastMessageId, via: "imap", subject: lastSubject === null ? null : `Re: ${lastSubject.replace(/^Re: /, "")}` });
  }
  event("sequence_stopped", stop.at, stopped);
  if (stop.reason === "opted_out") {
    result.isOptedOut = true;
    result.suppression = { value: address, kind: "address", reason: "opted_out", leadId, note: null, createdBy: DEMO_ACTOR, createdAt: stop.at };
    event("opted_out", stop.at, { address, via: "one_click" });
  }
  if (stop.reason === "bounced") {
    const diagnostic = `550 5.1.1 <${address}>: Recipient address rejected: User unknown in virtual mailbox table`;
    result.suppression = { value: address, kind: "address", reason: "bounced", leadId: null, note: diagnostic, createdBy: DEMO_ACTOR, createdAt: stop.at };
    event("bounced", stop.at, { address, status: "5.1.1", diagnostic });
  }
}
