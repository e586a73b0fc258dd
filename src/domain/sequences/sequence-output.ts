import type { TaskChannel } from "./sequence.js";

export type SequenceMessageStatus = "queued" | "sent" | "suppressed" | "failed";

/** One email a sequence step produced: rendered and queued, then sent, suppressed or failed. */
export type SequenceMessage = {
  id: string;
  enrolmentId: string;
  leadId: string;
  cycle: number;
  stepIndex: number;
  mailboxUserId: string;
  toAddress: string;
  /** `<id@domain>`, recorded before sending: replies are matched on it. */
  messageId: string;
  inReplyTo: string | null;
  subject: string;
  bodyText: string;
  status: SequenceMessageStatus;
  statusDetail: string | null;
  /** The send window closes here: past it the message waits for the next window. */
  windowEndsAt: number;
  queuedAt: number;
  sentAt: number | null;
};

/** A manual sequence step (call, LinkedIn, SMS by hand) waiting in its owner's queue. */
export type SequenceTask = {
  id: string;
  enrolmentId: string;
  leadId: string;
  ownerId: string | null;
  cycle: number;
  stepIndex: number;
  channel: TaskChannel;
  instructions: string;
  dueAt: number;
  doneAt: number | null;
  doneBy: string | null;
};
