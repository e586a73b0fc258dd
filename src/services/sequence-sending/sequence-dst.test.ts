import { DateTime } from "luxon";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../../test/support/engines.js";
import { captureLeadOwnedBy } from "../../../test/support/owned-lead.js";
import { emailStep, enrolNow, insertOwnerWithMailbox, insertTestSequence } from "../../../test/support/sequence-fixtures.js";
import { type SmtpSink, startSmtpSink } from "../../../test/support/smtp-sink.js";
import { closeMailboxTransports } from "../../channels/mailbox-transport.js";
import { createEmailChannel } from "../../channels/email.js";
import { createSequenceEmailChannel } from "../../channels/sequence-email.js";
import { nextMessageDueAt } from "../../store/outbox.js";
import { nextTimerDueAt } from "../../store/timers.js";
import { runDueWork } from "../../worker/run-worker.js";
import { TIMER_TASKS } from "../../worker/timer-tasks.js";

/** Every day of the week, 9:00–17:00: the DST arithmetic, not the weekend, decides these cases. */
const NINE_TO_FIVE = { startMinute: 9 * 60, endMinute: 17 * 60, weekdays: [1, 2, 3, 4, 5, 6, 7] };

/**
 * Enrolments whose day 2 falls across a DST change in the lead's zone (US: 8 Mar and 1 Nov 2026,
 * EU: 29 Mar and 25 Oct 2026), plus Tokyo (no DST) for a lead whose owner's zone changes. The
 * owner is in New York; a lead's own `timezone` field wins.
 */
const CASES = [
  { name: "New York, spring forward", leadZone: null, zone: "America/New_York", enrolledAt: "2026-03-07T10:00" },
  { name: "New York, fall back", leadZone: null, zone: "America/New_York", enrolledAt: "2026-10-30T16:30" },
  { name: "Berlin, spring forward", leadZone: "Europe/Berlin", zone: "Europe/Berlin", enrolledAt: "2026-03-27T07:00" },
  { name: "Berlin, fall back", leadZone: "Europe/Berlin", zone: "Europe/Berlin", enrolledAt: "2026-10-23T16:30" },
  { name: "Tokyo, while New York springs forward", leadZone: "Asia/Tokyo", zone: "Asia/Tokyo", enrolledAt: "2026-03-07T08:00" },
] as const;

describe.each(ENGINES)("day-2 emails across DST on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  let sink: SmtpSink;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
    sink = await startSmtpSink();
    await insertOwnerWithMailbox(ctx, `dst_owner_${engine}`, { smtpUrl: sink.url, timezone: "America/New_York" });
  });
  afterAll(async () => {
    await sink.close();
    await database.destroy();
  });
  afterEach(() => closeMailboxTransports());

  /** Runs the worker as it would run: woken at each due timer or message, until the lead's email arrives. */
  async function runUntilMailTo(address: string): Promise<number> {
    // Team notifications go out too, so their messages do not sit in the outbox waking the loop.
    const channels = [createSequenceEmailChannel(ctx, { publicUrl: "https://closeloop.example" }), createEmailChannel({ smtpUrl: sink.url, from: "closeloop@team.example", timeoutMs: 5000 })];
    for (let wakeUps = 0; wakeUps < 20; wakeUps++) {
      const dueAt = Math.min(...[await nextTimerDueAt(ctx.db, ctx.clock.now()), await nextMessageDueAt(ctx.db, ctx.clock.now())].filter((at) => at !== undefined));
      if (!Number.isFinite(dueAt)) break;
      ctx.clock.set(Math.max(ctx.clock.now(), dueAt));
      await runDueWork(ctx, { tasks: TIMER_TASKS, channels });
      if (sink.messages.some((m) => m.to.includes(address))) return ctx.clock.now();
    }
    throw new Error(`no email reached ${address}`);
  }

  it.each(CASES)("$name: sent on day 2 between 9:00 and 17:00 lead time", async ({ name, leadZone, zone, enrolledAt }) => {
    const enrolled = DateTime.fromISO(enrolledAt, { zone });
    ctx.clock.set(enrolled.toMillis());
    const slug = name.toLowerCase().replace(/[^a-z]+/g, "-");
    const sequence = await insertTestSequence(ctx, `dst-${slug}-${engine}`, [emailStep(2, { window: NINE_TO_FIVE })]);
    const email = `${slug}@${engine}.example`;
    const leadId = await captureLeadOwnedBy(ctx, `dst_owner_${engine}`, { email, ...(leadZone ? { timezone: leadZone } : {}) });
    await enrolNow(ctx, leadId, sequence);

    const sent = DateTime.fromMillis(await runUntilMailTo(email), { zone });
    expect(sent.toISODate()).toBe(enrolled.plus({ days: 2 }).toISODate());
    expect(sent.hour).toBeGreaterThanOrEqual(9);
    expect(sent.hour).toBeLessThan(17);
    // Due at the enrolment's wall-clock time on day 2, or at 9:00 when that is earlier.
    const due = enrolled.plus({ days: 2 });
    expect(sent.toFormat("HH:mm")).toBe(due.hour < 9 ? "09:00" : due.toFormat("HH:mm"));
  });
});
