import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, testContext, type TestContext } from "../../../test/support/engines.js";
import { captureLeadOwnedBy } from "../../../test/support/owned-lead.js";
import { emailStep, insertOwnerWithMailbox, insertTestSequence } from "../../../test/support/sequence-fixtures.js";
import { type SmtpSink, startSmtpSink } from "../../../test/support/smtp-sink.js";
import { closeMailboxTransports } from "../../channels/mailbox-transport.js";
import type { Channel } from "../../channels/channel.js";
import { createSequenceEmailChannel } from "../../channels/sequence-email.js";
import { SequenceEmailPayload } from "../../domain/notifications/notification-payloads.js";
import { DomainError } from "../../domain/errors.js";
import { leadTimeZone } from "../../domain/sequences/lead-time-zone.js";
import { isInsideWindow } from "../../domain/sequences/send-window.js";
import type { Sequence, SendWindow } from "../../domain/sequences/sequence.js";
import { findLeadById } from "../../store/leads.js";
import { findSequenceMessageByMessageIds } from "../../store/sequence-messages.js";
import { runDueWork } from "../../worker/run-worker.js";
import { TIMER_TASKS } from "../../worker/timer-tasks.js";
import { moveLeadStage } from "../pipeline/move-lead-stage.js";
import { enrolInTransaction } from "../sequences/enrol-in-transaction.js";
import { stopLiveEnrolmentInTransaction } from "../sequences/stop-live-enrolment.js";
import { optOutInTransaction } from "../suppressions/opt-out.js";
import { recordBounceInTransaction } from "../suppressions/record-bounce.js";

/** Leads write from these addresses (a second capture of one merges into its lead), each in its own zone. */
const ADDRESSES = ["ana@tokyo.example", "ben@berlin.example", "cy@newyork.example", "rejected@nowhere.example"] as const;
const ZONES = ["Asia/Tokyo", "Europe/Berlin", "America/New_York", "UTC"] as const;
const EVENING_WINDOW: SendWindow = { startMinute: 17 * 60, endMinute: 20 * 60, weekdays: [1, 2, 3, 4, 5, 6] };
const ADMIN = { kind: "api_key", apiKeyId: "property", scopes: ["admin"] } as const;

type Command =
  | { kind: "capture"; address: number }
  | { kind: "reply"; address: number }
  | { kind: "optOut"; address: number }
  | { kind: "bounce"; address: number }
  | { kind: "close"; address: number; stage: "won" | "lost" }
  /** Time passes and the worker runs; when the outbox is behind, due steps are queued but their emails wait. */
  | { kind: "advance"; minutes: number; isOutboxBehind: boolean };

const address = fc.integer({ min: 0, max: ADDRESSES.length - 1 });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("capture" as const), address }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("reply" as const), address }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("optOut" as const), address }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("bounce" as const), address }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("close" as const), address, stage: fc.constantFrom("won" as const, "lost" as const) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("advance" as const), minutes: fc.integer({ min: 1, max: 3 * 24 * 60 }), isOutboxBehind: fc.boolean() }) },
);

/** One run's world: a fresh database, an owner whose mailbox sends two an hour, a follow-up sequence moving into a nurture one. */
type World = { ctx: TestContext; destroy(): Promise<void>; followUp: Sequence; sequences: Map<string, Sequence>; leadIds: Map<number, string> };

async function openWorld(sink: SmtpSink): Promise<World> {
  const database = await openTestDatabase("sqlite");
  const ctx = testContext(database.db);
  await insertOwnerWithMailbox(ctx, "owner", { smtpUrl: sink.url, hourlyLimit: 2, dailyLimit: 5 });
  const nurture = await insertTestSequence(ctx, "nurture", [emailStep(0, { window: EVENING_WINDOW })], { purpose: "nurture", repeatEveryDays: 3 });
  const followUp = await insertTestSequence(ctx, "follow-up", [emailStep(0), { ...emailStep(1), channel: "call", subject: "" }, emailStep(2), emailStep(3, { window: EVENING_WINDOW })], { nurtureSequenceId: nurture.id });
  return { ctx, destroy: () => database.destroy(), followUp, sequences: new Map([nurture, followUp].map((s) => [s.id, s])), leadIds: new Map() };
}

/** An outbox that cannot keep up: every sequence email waits another minute (not an attempt), so opt-outs and stops can land between queueing and sending. */
function laggingChannel(world: World): Channel<typeof SequenceEmailPayload> {
  return { name: "sequence-email", payloadSchema: SequenceEmailPayload, retry: { maxAttempts: 1, backoffBaseMs: 1, backoffMaxMs: 1 }, deliver: async () => ({ isDelivered: false, deferredUntil: world.ctx.clock.now() + 60_000, reason: "behind" }) };
}

/** Refusals the services make on purpose (already enrolled, opted out, closed): the command simply does nothing. */
async function refusalsAllowed(action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
}

async function apply(world: World, cmd: Command, suppressed: Set<string>): Promise<void> {
  const { ctx } = world;
  const now = ctx.clock.now();
  const email = ADDRESSES[cmd.kind === "advance" ? 0 : cmd.address]!;
  const leadId = cmd.kind === "advance" ? undefined : world.leadIds.get(cmd.address);
  switch (cmd.kind) {
    case "capture": {
      const id = await captureLeadOwnedBy(ctx, "owner", { email, firstName: "Lee", timezone: ZONES[cmd.address] });
      world.leadIds.set(cmd.address, id);
      const lead = (await findLeadById(ctx.db, id))!;
      await refusalsAllowed(() => ctx.db.transaction().execute((trx) => enrolInTransaction(trx, ctx, { lead, sequence: world.followUp, via: "manual", actor: "test", now })));
      return;
    }
    case "reply":
      if (leadId) await ctx.db.transaction().execute((trx) => stopLiveEnrolmentInTransaction(trx, ctx, { leadId, reason: "replied", actor: "test", now }));
      return;
    case "optOut":
      suppressed.add(email);
      await ctx.db.transaction().execute((trx) => optOutInTransaction(trx, ctx, { address: email, leadId: leadId ?? null, via: "one_click", actor: "test", now }));
      return;
    case "bounce":
      suppressed.add(email);
      await ctx.db.transaction().execute((trx) => recordBounceInTransaction(trx, ctx, { address: email, status: "5.1.1", diagnostic: "no such user", actor: "test", now }));
      return;
    case "close":
      if (leadId) await refusalsAllowed(() => moveLeadStage(ctx, ADMIN, leadId, cmd.stage === "won" ? { stage: "won", amount: 1000 } : { stage: "lost", reason: "price" }));
      return;
    case "advance":
      ctx.clock.advance(cmd.minutes * 60_000);
  }
}

/** Checks every message the sink got during the last run of the worker, which ran at the clock's time. */
async function checkNewMail(world: World, mail: SmtpSink["messages"], suppressed: Set<string>, seen: Set<string>): Promise<void> {
  const sentAt = world.ctx.clock.now();
  for (const received of mail) {
    const messageId = received.header("message-id")!;
    const message = (await findSequenceMessageByMessageIds(world.ctx.db, [messageId]))!;
    expect(suppressed.has(message.toAddress), `sent to ${message.toAddress} after it opted out or bounced`).toBe(false);
    const step = `${message.enrolmentId}:${message.cycle}:${message.stepIndex}`;
    expect(seen.has(step), `step ${step} sent twice`).toBe(false);
    seen.add(step);
    const enrolment = await world.ctx.db.selectFrom("sequence_enrolments").select("sequence_id").where("id", "=", message.enrolmentId).executeTakeFirstOrThrow();
    const window = world.sequences.get(enrolment.sequence_id)!.steps[message.stepIndex]!.window;
    const lead = (await findLeadById(world.ctx.db, message.leadId))!;
    expect(isInsideWindow(sentAt, window, leadTimeZone(lead, "UTC")), `step ${step} sent at ${new Date(sentAt).toISOString()} outside its window`).toBe(true);
  }
  const live = await world.ctx.db
    .selectFrom("sequence_enrolments")
    .select((eb) => ["lead_id", eb.fn.countAll<number>().as("live")])
    .where("status", "in", ["active", "paused"])
    .groupBy("lead_id")
    .execute();
  for (const row of live) expect(Number(row.live), `lead ${row.lead_id} is in ${row.live} sequences`).toBe(1);
}

describe("sequence sending under random interleavings", () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink({ rejectRecipient: (to) => to.startsWith("rejected@") });
  });
  afterAll(async () => {
    closeMailboxTransports();
    await sink.close();
  });

  it("never mails an opted-out or bounced address, never sends a step twice or outside its window, never enrols a lead twice", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 25 }), async (commands) => {
        const world = await openWorld(sink);
        const channels = [createSequenceEmailChannel(world.ctx, { publicUrl: "https://closeloop.example" })];
        const behind = [laggingChannel(world)];
        const suppressed = new Set<string>();
        const seen = new Set<string>();
        try {
          // A final week of time lets whatever is still due go out (or not) under the same checks.
          for (const cmd of [...commands, { kind: "advance" as const, minutes: 7 * 24 * 60, isOutboxBehind: false }]) {
            await apply(world, cmd, suppressed);
            if (cmd.kind !== "advance") continue;
            const before = sink.messages.length;
            await runDueWork(world.ctx, { tasks: TIMER_TASKS, channels: cmd.isOutboxBehind ? behind : channels, random: () => 0 });
            await checkNewMail(world, sink.messages.slice(before), suppressed, seen);
          }
        } finally {
          await world.destroy();
        }
      }),
      {
        numRuns: 40,
        // Queued while the outbox is behind, then opted out, bounced or won before it could go.
        examples: [
          [[{ kind: "capture", address: 1 }, { kind: "advance", minutes: 1, isOutboxBehind: true }, { kind: "optOut", address: 1 }, { kind: "advance", minutes: 5, isOutboxBehind: false }]],
          [[{ kind: "capture", address: 1 }, { kind: "advance", minutes: 1, isOutboxBehind: true }, { kind: "bounce", address: 1 }, { kind: "advance", minutes: 5, isOutboxBehind: false }]],
        ],
      },
    );
  }, 120_000);
});
