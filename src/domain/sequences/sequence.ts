/** How a step reaches the lead: an email sent automatically, or a task for the owner to do by hand. */
export type StepChannel = "email" | "call" | "linkedin" | "sms";

export const STEP_CHANNELS: readonly StepChannel[] = ["email", "call", "linkedin", "sms"];

/** Manual channels: the step becomes a task in the owner's queue. */
export type TaskChannel = Exclude<StepChannel, "email">;

/**
 * When a step may go out, in the lead's time zone (falling back to the owner's): minutes after
 * local midnight, `startMinute` inclusive and `endMinute` exclusive, on the ISO weekdays listed
 * (1 = Monday … 7 = Sunday). 9:00–17:00 on weekdays is `{ startMinute: 540, endMinute: 1020, weekdays: [1,2,3,4,5] }`.
 */
export type SendWindow = { startMinute: number; endMinute: number; weekdays: number[] };

export const BUSINESS_HOURS_WINDOW: SendWindow = { startMinute: 9 * 60, endMinute: 17 * 60, weekdays: [1, 2, 3, 4, 5] };

export type SequenceStep = {
  /** Days after enrolment (day 0 of the cycle) the step falls due; steps are in non-decreasing order. */
  dayOffset: number;
  channel: StepChannel;
  /** Email steps: the subject template (Liquid). Ignored on task steps. */
  subject: string;
  /** Email steps: the body template (Liquid, plain text). Task steps: what the owner should do (also Liquid). */
  body: string;
  window: SendWindow;
  /** Proof assets linked under the email body. */
  proofAssetIds: string[];
};

export type SequencePurpose = "follow_up" | "nurture";

export type Sequence = {
  id: string;
  name: string;
  purpose: SequencePurpose;
  steps: SequenceStep[];
  /** Where a lead goes when this sequence ends without a reply (a nurture sequence); null: nowhere. */
  nurtureSequenceId: string | null;
  /** Nurture sequences: after the last step, start over this many days later; null: end after the last step. */
  repeatEveryDays: number | null;
  isArchived: boolean;
  createdAt: number;
  updatedAt: number;
};

/** Limits on a sequence as saved. */
export const SEQUENCE_LIMITS = { maxSteps: 30, maxDayOffset: 730, maxSubjectLength: 300, maxBodyLength: 20_000, maxNameLength: 120, maxRepeatEveryDays: 365 } as const;
