import { BUSINESS_HOURS_WINDOW, type Sequence, type SequenceStep } from "../../src/domain/sequences/sequence.js";
import type { Enrolment } from "../../src/domain/sequences/enrolment.js";
import { enrolInTransaction } from "../../src/services/sequences/enrol-in-transaction.js";
import type { ServiceContext } from "../../src/services/context.js";
import { findLeadById } from "../../src/store/leads.js";
import { saveMailbox } from "../../src/store/mailboxes.js";
import { insertSequence } from "../../src/store/sequences.js";
import { insertUsers } from "../../src/store/users.js";
import { buildPerson } from "./factories.js";

/** A send window open around the clock, every day: for tests about anything but windows. */
export const ALWAYS_OPEN_WINDOW = { startMinute: 0, endMinute: 1440, weekdays: [1, 2, 3, 4, 5, 6, 7] };

/** An email step on `dayOffset`, 9:00–17:00 on weekdays, unless overridden. */
export function emailStep(dayOffset: number, overrides: Partial<SequenceStep> = {}): SequenceStep {
  return { dayOffset, channel: "email", subject: `Day ${dayOffset}: following up`, body: `Hello {{ lead.firstName | default: "there" }},\n\nDay ${dayOffset}.\n\n{{ owner.name }}`, window: BUSINESS_HOURS_WINDOW, proofAssetIds: [], ...overrides };
}

/** A follow-up sequence with these steps, stored directly (its templates are the test's business). */
export async function insertTestSequence(ctx: ServiceContext, id: string, steps: SequenceStep[], overrides: Partial<Sequence> = {}): Promise<Sequence> {
  const sequence: Sequence = { id, name: id, purpose: "follow_up", steps, nurtureSequenceId: null, repeatEveryDays: null, isArchived: false, createdAt: 0, updatedAt: 0, ...overrides };
  await insertSequence(ctx.db, sequence);
  return sequence;
}

export type MailboxOwner = { userId: string; email: string; fromAddress: string };

/** A rep (timezone `timezone`) with a mailbox sending through `smtpUrl` from `<userId>@sales.example`. */
export async function insertOwnerWithMailbox(
  ctx: ServiceContext,
  userId: string,
  options: { smtpUrl: string | null; timezone?: string; hourlyLimit?: number; dailyLimit?: number },
): Promise<MailboxOwner> {
  const person = buildPerson(userId, { timezone: options.timezone ?? "UTC", name: `${userId} Owner` });
  await insertUsers(ctx.db, [person]);
  const fromAddress = `${userId}@sales.example`;
  if (options.smtpUrl !== null) {
    await saveMailbox(ctx.db, {
      userId,
      fromName: person.user.name,
      fromAddress,
      smtpUrl: options.smtpUrl,
      imapUrl: null,
      hourlyLimit: options.hourlyLimit ?? 1000,
      dailyLimit: options.dailyLimit ?? 10_000,
      imapUidValidity: null,
      imapLastUid: null,
      imapCheckedAt: null,
      imapError: null,
      createdAt: 0,
      updatedAt: 0,
    });
  }
  return { userId, email: person.user.email, fromAddress };
}

/** Enrols a lead now, as the enrolment services do (the first step's timer included). */
export async function enrolNow(ctx: ServiceContext, leadId: string, sequence: Sequence): Promise<Enrolment> {
  return ctx.db.transaction().execute(async (trx) => {
    const lead = (await findLeadById(trx, leadId))!;
    return enrolInTransaction(trx, ctx, { lead, sequence, via: "manual", actor: "test", now: ctx.clock.now() });
  });
}
