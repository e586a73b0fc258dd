import { type Static, Type } from "typebox";
import { STEP_CHANNELS } from "../../../domain/sequences/sequence.js";
import { IsoInstant } from "../../instants.js";
import { Nullable } from "../../nullable.js";
import { SequenceTaskDto } from "../sequence-tasks/sequence-tasks.schemas.js";

export const EnrolBody = Type.Object(
  {
    sequenceId: Type.String({ minLength: 1, maxLength: 100, description: "A sequence that is not archived." }),
    isReplacing: Type.Optional(Type.Boolean({ description: "true: a sequence the lead is already in stops (re_enrolled) and this one starts; otherwise that is a 409." })),
  },
  { additionalProperties: false },
);

const CurrentStepDto = Type.Object(
  {
    index: Type.Integer({ description: "0-based position in the sequence." }),
    dayOffset: Type.Integer(),
    channel: Type.Enum(STEP_CHANNELS),
    subject: Type.String({ description: "The subject template (email steps)." }),
  },
  { description: "The step that runs next." },
);

export const EnrolmentDto = Type.Object({
  id: Type.String(),
  sequenceId: Type.String(),
  sequenceName: Type.String(),
  status: Type.Enum(["active", "paused", "finished", "stopped"], { description: "active and paused are live (a lead has at most one live enrolment); finished and stopped are history." }),
  cycle: Type.Integer({ description: "Nurture sequences repeat: 0 on the first pass." }),
  stepCount: Nullable(Type.Integer(), "Steps in the sequence (live enrolments); null in history."),
  currentStep: Nullable(CurrentStepDto, "The step that runs next (live enrolments); null in history."),
  nextSendAt: Nullable(IsoInstant(), "When the next step is planned to run, inside its send window; null while paused or once ended."),
  pausedUntil: Nullable(IsoInstant(), "A paused enrolment resumes by itself then (out-of-office); null: only by hand."),
  pauseReason: Nullable(Type.String(), "manual, out_of_office, no_mailbox, template_error or no_email; null unless paused."),
  stopReason: Nullable(Type.String(), "replied, meeting_booked, won, lost, disqualified, opted_out, bounced, manual, re_enrolled or sequence_archived; null unless stopped."),
  enrolledVia: Type.String({ description: "manual, routing_rule, playbook or nurture." }),
  enrolledBy: Type.String({ description: "Who enrolled the lead: `user:<id>`, `api_key:<id>` or `system`." }),
  enrolledAt: IsoInstant(),
  endedAt: Nullable(IsoInstant()),
});

export const SequenceMessageDto = Type.Object({
  id: Type.String(),
  enrolmentId: Type.String(),
  cycle: Type.Integer(),
  stepIndex: Type.Integer(),
  toAddress: Type.String(),
  subject: Type.String(),
  status: Type.Enum(["queued", "sent", "suppressed", "failed"], { description: "queued (rendered, waiting to be sent), sent (the server accepted it), suppressed (blocked at the moment of sending) or failed." }),
  statusDetail: Nullable(Type.String(), "Why it was suppressed or failed."),
  queuedAt: IsoInstant(),
  sentAt: Nullable(IsoInstant()),
});

export const LeadSequenceResponse = Type.Object({
  live: Nullable(EnrolmentDto, "The enrolment running now (active or paused); null: the lead is in no sequence."),
  history: Type.Array(EnrolmentDto, { description: "Every enrolment of the lead, the live one included, newest first." }),
  messages: Type.Array(SequenceMessageDto, { description: "Sequence emails, newest first." }),
  tasks: Type.Array(SequenceTaskDto, { description: "Manual steps, newest first." }),
});

export type EnrolmentDtoType = Static<typeof EnrolmentDto>;
export type SequenceMessageDtoType = Static<typeof SequenceMessageDto>;
export type LeadSequenceResponseType = Static<typeof LeadSequenceResponse>;
