import type { SequenceMessage, SequenceTask } from "../../domain/sequences/sequence-output.js";
import type { Principal } from "../../domain/access/permission.js";
import { LIVE_ENROLMENT_STATUSES, type Enrolment } from "../../domain/sequences/enrolment.js";
import type { Sequence, SequenceStep } from "../../domain/sequences/sequence.js";
import { listEnrolmentsOfLead } from "../../store/sequence-enrolments.js";
import { listSequenceMessagesOfLead } from "../../store/sequence-messages.js";
import { listSequenceTasksOfLead } from "../../store/sequence-tasks.js";
import { findSequence } from "../../store/sequences.js";
import type { ServiceContext } from "../context.js";
import { findVisibleLead } from "../leads/find-visible-lead.js";

/** How many of a lead's sequence emails the lead page shows, newest first. */
const MESSAGES_SHOWN = 50;

export type EnrolmentEntry = Enrolment & { sequenceName: string };

/** The live enrolment with where it stands: the step it sends next (at `nextSendAt`) out of `stepCount`. */
export type LiveEnrolment = EnrolmentEntry & { stepCount: number; currentStep: SequenceStep | null };

export type LeadSequenceView = {
  live: LiveEnrolment | null;
  /** Every enrolment, newest first, the live one included: sequences run, with stop reasons. */
  history: EnrolmentEntry[];
  messages: SequenceMessage[];
  tasks: SequenceTask[];
};

/** The follow-up section of the lead page, for a lead the principal may see. */
export async function readLeadSequence(ctx: ServiceContext, principal: Principal, leadId: string): Promise<LeadSequenceView> {
  await findVisibleLead(ctx.db, principal, leadId);
  const enrolments = await listEnrolmentsOfLead(ctx.db, leadId);
  const sequences = new Map<string, Sequence | undefined>();
  for (const { sequenceId } of enrolments) if (!sequences.has(sequenceId)) sequences.set(sequenceId, await findSequence(ctx.db, sequenceId));
  const history = enrolments.map((enrolment) => ({ ...enrolment, sequenceName: sequences.get(enrolment.sequenceId)?.name ?? "" }));
  const live = history.find((entry) => LIVE_ENROLMENT_STATUSES.includes(entry.status));
  const steps = live ? (sequences.get(live.sequenceId)?.steps ?? []) : [];
  return {
    live: live ? { ...live, stepCount: steps.length, currentStep: steps[live.nextStepIndex] ?? null } : null,
    history,
    messages: await listSequenceMessagesOfLead(ctx.db, leadId, MESSAGES_SHOWN),
    tasks: await listSequenceTasksOfLead(ctx.db, leadId),
  };
}
