import type { Principal } from "../../src/domain/access/permission.js";
import type { Sequence } from "../../src/domain/sequences/sequence.js";
import type { ServiceContext } from "../../src/services/context.js";
import type { TestContext } from "./engines.js";
import { enrolLead } from "../../src/services/sequences/enrol-lead.js";
import { createSequence } from "../../src/services/sequences/create-sequence.js";
import { pauseEnrolment } from "../../src/services/sequences/enrolment-actions.js";
import { saveMailbox } from "../../src/store/mailboxes.js";
import { insertSequenceTask } from "../../src/store/sequence-tasks.js";
import { captureLeadOwnedBy } from "./owned-lead.js";

const ADMIN: Principal = { kind: "api_key", apiKeyId: "follow-up-fixtures", scopes: ["admin"] };

/** A day-0 email then a day-2 call, as the API takes steps (window and proof assets left to their defaults). */
export const TWO_STEPS_INPUT = [
  { dayOffset: 0, channel: "email", subject: "Your enquiry", body: "Hello {{ lead.firstName | default: 'there' }}" },
  { dayOffset: 2, channel: "call", body: "Call them about their enquiry" },
] as const;

/** A follow-up sequence named `name`: a day-0 email and a day-2 call, weekdays 9:00–17:00. */
export async function createFollowUp(ctx: ServiceContext, name: string): Promise<Sequence> {
  const window = { startMinute: 540, endMinute: 1020, weekdays: [1, 2, 3, 4, 5] };
  const steps = TWO_STEPS_INPUT.map((step) => ({ subject: "", ...step, window, proofAssetIds: [] }));
  return createSequence(ctx, ADMIN, { name, purpose: "follow_up", steps, nurtureSequenceId: null, repeatEveryDays: null });
}

/** A new lead of `ownerId`'s at `email`, enrolled in the sequence now, and paused by hand when asked. */
export async function leadInSequence(ctx: TestContext, ownerId: string, email: string, sequenceId: string, options: { isPaused?: boolean } = {}): Promise<string> {
  const leadId = await captureLeadOwnedBy(ctx, ownerId, { email, firstName: "Ann" });
  await enrolLead(ctx, ADMIN, leadId, { sequenceId, isReplacing: false });
  if (options.isPaused) await pauseEnrolment(ctx, ADMIN, leadId);
  return leadId;
}

/** An open call task due now for the lead's enrolment, as the sequence-step task would add it. */
export async function openCallTask(ctx: ServiceContext, leadId: string, enrolmentId: string, ownerId: string | null): Promise<string> {
  const id = ctx.ids("sequence_task");
  await insertSequenceTask(ctx.db, { id, enrolmentId, leadId, ownerId, cycle: 0, stepIndex: 1, channel: "call", instructions: "Call them about their enquiry", dueAt: ctx.clock.now(), doneAt: null, doneBy: null });
  return id;
}

/** Gives the person a mailbox sending through `smtpUrl`, stored directly. */
export async function giveMailbox(ctx: ServiceContext, userId: string, smtpUrl: string): Promise<string> {
  const now = ctx.clock.now();
  await saveMailbox(ctx.db, {
    userId,
    fromName: null,
    fromAddress: `${userId}@sales.example`,
    smtpUrl,
    imapUrl: null,
    hourlyLimit: 100,
    dailyLimit: 1000,
    imapUidValidity: null,
    imapLastUid: null,
    imapCheckedAt: null,
    imapError: null,
    createdAt: now,
    updatedAt: now,
  });
  return userId;
}
