import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import pino from "pino";
import { closeMailboxTransports, mailboxTransport } from "../src/channels/mailbox-transport.js";
import { createSequenceEmailChannel } from "../src/channels/sequence-email.js";
import { systemClock } from "../src/clock.js";
import { INITIAL_STAGE, type Lead } from "../src/domain/lead/lead.js";
import type { Enrolment } from "../src/domain/sequences/enrolment.js";
import type { Sequence } from "../src/domain/sequences/sequence.js";
import { timeOrderedIds } from "../src/ids.js";
import type { ServiceContext } from "../src/services/context.js";
import { createDatabase } from "../src/store/database.js";
import type { Executor } from "../src/store/engine.js";
import { insertLeads } from "../src/store/leads.js";
import { type Mailbox, saveMailbox } from "../src/store/mailboxes.js";
import { insertEnrolment } from "../src/store/sequence-enrolments.js";
import { insertSequence } from "../src/store/sequences.js";
import { writeSetting } from "../src/store/settings.js";
import { migrateToLatest } from "../src/store/migrate.js";
import { scheduleTimers } from "../src/store/timers.js";
import { insertUsers } from "../src/store/users.js";
import { startWorker } from "../src/worker/run-worker.js";
import { TIMER_TASKS } from "../src/worker/timer-tasks.js";
import { type Figures, figure } from "./figures.js";

/** Leads per owner: a rep's mailbox sends a few hundred follow-ups a day, not the whole workspace's. */
const LEADS_PER_OWNER = 500;
/** Timers and messages in flight at once: enough open SMTP exchanges to hide the peer's round trips. */
const WORKER_CONCURRENCY = 32;
/** Timers per transaction: SQLite has one connection, and smaller step batches let the sending interleave with them. */
const TIMER_BATCH_SIZE = 10;

type Sink = { url: string; count(): Promise<{ count: number; unique: number }>; close(): void };

/** The SMTP sink in a child process. */
async function startSink(): Promise<Sink> {
  const child = fork(path.join(path.dirname(fileURLToPath(import.meta.url)), "smtp-sink-process.ts"), { execArgv: ["--import", "tsx"], stdio: ["ignore", "ignore", "inherit", "ipc"] });
  const { port } = await new Promise<{ port: number }>((resolve) => child.once("message", (message) => resolve(message as { port: number })));
  return {
    url: `smtp://127.0.0.1:${port}`,
    count: () => new Promise((resolve) => (child.once("message", (message) => resolve(message as { count: number; unique: number })), child.send("count"))),
    close: () => child.disconnect(),
  };
}

const SEQUENCE: Sequence = {
  id: "sequence_bench",
  name: "Bench follow-up",
  purpose: "follow_up",
  steps: [{ dayOffset: 0, channel: "email", subject: "{{ lead.firstName }}, about {{ company.name }}", body: "Hi {{ lead.firstName }},\n\nFollowing up on your request.\n\n{{ owner.name }}\n\nUnsubscribe: {{ unsubscribeUrl }}", window: { startMinute: 0, endMinute: 1440, weekdays: [1, 2, 3, 4, 5, 6, 7] }, proofAssetIds: [] }],
  nurtureSequenceId: null,
  repeatEveryDays: null,
  isArchived: false,
  createdAt: 0,
  updatedAt: 0,
};

function mailboxOf(userId: string, smtpUrl: string): Mailbox {
  return { userId, fromName: `Rep ${userId}`, fromAddress: `${userId}@sales.example`, smtpUrl, imapUrl: null, hourlyLimit: 10_000, dailyLimit: 100_000, imapUidValidity: null, imapLastUid: null, imapCheckedAt: null, imapError: null, createdAt: 0, updatedAt: 0 };
}

function leadOf(n: number, ownerId: string, now: number): Lead {
  return {
    id: `lead_bench_${n}`,
    email: `lead${n}@buyer.example`,
    phone: null,
    firstName: `Lee${n}`,
    lastName: null,
    company: null,
    title: null,
    country: null,
    source: "bench",
    campaign: null,
    channel: null,
    utm: { source: null, medium: null, campaign: null, term: null, content: null },
    message: null,
    custom: {},
    ownerId,
    stage: INITIAL_STAGE,
    isOptedOut: false,
    createdAt: now,
    updatedAt: now,
  };
}

function enrolmentOf(lead: Lead, now: number): Enrolment {
  return {
    id: `enrolment_bench_${lead.id}`,
    leadId: lead.id,
    sequenceId: SEQUENCE.id,
    status: "active",
    cycle: 0,
    nextStepIndex: 0,
    anchorAt: now,
    nextSendAt: now,
    pausedUntil: null,
    pauseReason: null,
    stopReason: null,
    threadMessageId: null,
    lastMessageId: null,
    enrolledVia: "manual",
    enrolledBy: "bench",
    enrolledAt: now,
    endedAt: null,
    updatedAt: now,
  };
}

/** `count` enrolled leads whose day-0 email is due now, in bulk through the store: owners with mailboxes, leads, enrolments, step timers. */
async function seed(db: Executor, count: number, smtpUrl: string, now: number): Promise<void> {
  const owners = Array.from({ length: Math.ceil(count / LEADS_PER_OWNER) }, (_, i) => `rep_${i}`);
  await insertUsers(db, owners.map((id) => ({ user: { id, email: `${id}@team.example`, name: `Rep ${id}`, role: "rep", timezone: "UTC", isActive: true, createdAt: now }, passwordHash: null })));
  for (const owner of owners) await saveMailbox(db, mailboxOf(owner, smtpUrl));
  await writeSetting(db, "companyName", "Bench Co", now);
  await insertSequence(db, SEQUENCE);
  const leads = Array.from({ length: count }, (_, n) => leadOf(n, owners[Math.floor(n / LEADS_PER_OWNER)]!, now));
  await insertLeads(db, leads);
  for (const lead of leads) await insertEnrolment(db, enrolmentOf(lead, now));
  const enrolmentTimers = leads.map((lead) => ({ key: `sequence-step:enrolment_bench_${lead.id}`, task: "sequence-step", payload: { enrolmentId: `enrolment_bench_${lead.id}`, cycle: 0, stepIndex: 0 }, runAt: now }));
  await scheduleTimers(db, enrolmentTimers, now);
}

/** The reference: the same number of messages handed straight to the sink through one pooled mailbox transport per owner. */
async function measureSmtpOnly(count: number, smtpUrl: string): Promise<number> {
  const startedAt = performance.now();
  let next = 0;
  const sendNext = async (): Promise<void> => {
    for (let n = next++; n < count; n = next++) {
      const owner = `rep_${Math.floor(n / LEADS_PER_OWNER)}`;
      await mailboxTransport({ ...mailboxOf(owner, smtpUrl), updatedAt: 1 }).sendMail({ from: `${owner}@sales.example`, to: `lead${n}@buyer.example`, subject: "Reference", text: "Hi,\n\nFollowing up.\n" });
    }
  };
  await Promise.all(Array.from({ length: WORKER_CONCURRENCY }, sendNext));
  return (performance.now() - startedAt) / 1000;
}

/**
 * Sequence sending: `count` enrolled leads with a due day-0 email on a fresh file-backed SQLite
 * database, the worker in this process (as `serve` runs it) and a local SMTP sink in another.
 * Times the worker from start until every message is accepted by the sink (render, queue,
 * send-time checks, SMTP, recording), and as a reference the same number of bare SMTP sends
 * through the same pooled transports: the share of the worker's time not spent on SMTP.
 */
export async function runFigures({ isQuick }: { isQuick: boolean }): Promise<Figures> {
  const count = isQuick ? 5000 : 100_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "closeloop-bench-sequences-"));
  const db = createDatabase({ sqliteFile: path.join(dir, "closeloop.db") });
  const sink = await startSink();
  try {
    await migrateToLatest(db);
    const now = Date.now();
    await db.transaction().execute((trx) => seed(trx, count, sink.url, now));
    const ctx: ServiceContext = { db, clock: systemClock, ids: timeOrderedIds, log: pino({ level: "warn" }), defaultPhoneRegion: "US", publicUrl: "https://closeloop.example" };
    const startedAt = performance.now();
    const worker = await startWorker(ctx, { tasks: TIMER_TASKS, channels: [createSequenceEmailChannel(ctx, { publicUrl: ctx.publicUrl })], concurrency: WORKER_CONCURRENCY, timerBatchSize: TIMER_BATCH_SIZE });
    while (worker.counts.messagesDelivered + worker.counts.messagesFailed < count) await sleep(5);
    const seconds = (performance.now() - startedAt) / 1000;
    await worker.stop();
    const accepted = await sink.count();
    // Every step's email arrived; a resend (same Message-ID, e.g. after a dropped connection) is counted, not hidden.
    if (worker.counts.messagesFailed > 0 || accepted.unique !== count) throw new Error(`${accepted.unique} of ${count} accepted, ${worker.counts.messagesFailed} failed`);
    const smtpSeconds = await measureSmtpOnly(count, sink.url);
    return {
      messages_per_s: figure(count / seconds, "messages/s"),
      share_outside_smtp: figure(Math.max(0, 1 - smtpSeconds / seconds), "share"),
      smtp_only_messages_per_s: figure(count / smtpSeconds, "messages/s"),
      resent_messages: figure(accepted.count - accepted.unique, "messages"),
    };
  } finally {
    closeMailboxTransports();
    sink.close();
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
