import type { SequenceMessage } from "../../../domain/sequences/sequence-output.js";
import type { EnrolmentEntry, LeadSequenceView, LiveEnrolment } from "../../../services/sequences/read-lead-sequence.js";

import { isoOf, isoOrNull } from "../../instants.js";
import { presentSequenceTask } from "../sequence-tasks/present-sequence-task.js";
import type { EnrolmentDtoType, LeadSequenceResponseType, SequenceMessageDtoType } from "./lead-sequence.schemas.js";

/** An enrolment as the API shows it, with its sequence's name; `where` says where a live one stands. */
function presentEnrolment(entry: EnrolmentEntry, where: Pick<LiveEnrolment, "stepCount" | "currentStep"> | null): EnrolmentDtoType {
  const step = where?.currentStep;
  return {
    id: entry.id,
    sequenceId: entry.sequenceId,
    sequenceName: entry.sequenceName,
    status: entry.status,
    cycle: entry.cycle,
    stepCount: where?.stepCount ?? null,
    currentStep: step ? { index: entry.nextStepIndex, dayOffset: step.dayOffset, channel: step.channel, subject: step.subject } : null,
    nextSendAt: isoOrNull(entry.nextSendAt),
    pausedUntil: isoOrNull(entry.pausedUntil),
    pauseReason: entry.pauseReason,
    stopReason: entry.stopReason,
    enrolledVia: entry.enrolledVia,
    enrolledBy: entry.enrolledBy,
    enrolledAt: isoOf(entry.enrolledAt),
    endedAt: isoOrNull(entry.endedAt),
  };
}

function presentSequenceMessage(message: SequenceMessage): SequenceMessageDtoType {
  const { id, enrolmentId, cycle, stepIndex, toAddress, subject, status, statusDetail, queuedAt, sentAt } = message;
  return { id, enrolmentId, cycle, stepIndex, toAddress, subject, status, statusDetail, queuedAt: isoOf(queuedAt), sentAt: isoOrNull(sentAt) };
}

/** A lead's follow-up as the API shows it: the live enrolment, the history, the emails and the tasks. */
export function presentLeadSequence(view: LeadSequenceView): LeadSequenceResponseType {
  return {
    live: view.live && presentEnrolment(view.live, view.live),
    history: view.history.map((entry) => presentEnrolment(entry, entry.id === view.live?.id ? view.live : null)),
    messages: view.messages.map(presentSequenceMessage),
    tasks: view.tasks.map(presentSequenceTask),
  };
}
