import { randomBytes } from "node:crypto";
import os from "node:os";
import type { Channel } from "../channels/channel.js";
import type { ServiceContext } from "../services/context.js";
import { claimDueMessages, nextMessageDueAt, type OutboxMessage, releaseMessages } from "../store/outbox.js";
import { claimDueTimers, nextTimerDueAt, releaseTimers, type Timer } from "../store/timers.js";
import { listenForWork, type WorkListener } from "../store/work-listener.js";
import { notifyWork } from "../store/work-signal.js";
import { deliverClaimedMessage } from "./deliver-message.js";
import { runClaimedTimers } from "./run-timer.js";
import { createTaskRegistry, type TimerTask } from "./timer-task.js";
import { driveLane, type WorkLane } from "./work-lane.js";
import { createChannelRegistry, emptyCounts, type WorkerCounts, type WorkerEnv } from "./worker-env.js";

export type WorkerOptions = {
  /** Timer tasks this worker runs (the app's are `TIMER_TASKS`). */
  tasks: readonly TimerTask[];
  /** Channels outbox messages go through. */
  channels: readonly Channel[];
  /** Timers, and separately messages, in flight at once (WORKER_CONCURRENCY). */
  concurrency?: number;
  /** Timers run in one transaction; a claim takes one batch per open slot. */
  timerBatchSize?: number;
  /** Lease on a claimed timer; after it a crashed worker's timers are claimable again. */
  timerLockMs?: number;
  /** Lease on a claimed message; must exceed the slowest channel's timeout. */
  messageLockMs?: number;
  /** Longest sleep while idle: bounds the wait for work nobody announced (expired leases). */
  idlePollMs?: number;
  workerId?: string;
  /** PostgreSQL URL to LISTEN on for other processes' work; without it they are seen within `idlePollMs`. */
  listenUrl?: string | undefined;
  /** In [0, 1): backoff jitter (tests pin it). */
  random?: () => number;
};

export type RunningWorker = {
  workerId: string;
  counts: Readonly<WorkerCounts>;
  /** Stops claiming, releases claimed work it has not started, finishes what is running, then resolves. */
  stop(): Promise<void>;
};

const DEFAULTS = {
  concurrency: 4,
  timerBatchSize: 50,
  timerLockMs: 60_000,
  // 6× the 10 s webhook timeout. The app worker leases longer for slow mail servers (APP_MESSAGE_LOCK_MS).
  messageLockMs: 60_000,
  idlePollMs: 1000,
};

/** A name that tells, in `locked_by`, which process holds a claim: host, pid and a random suffix. */
function newWorkerId(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

/** Claimed timers that run in one transaction; `id` is the first timer's, for logs. */
type TimerBatch = { id: string; timers: Timer[] };

/** Splits claimed timers into batches of at most `size`. */
function intoBatches(timers: Timer[], size: number): TimerBatch[] {
  const batches: TimerBatch[] = [];
  for (let start = 0; start < timers.length; start += size) batches.push({ id: timers[start]!.id, timers: timers.slice(start, start + size) });
  return batches;
}

function buildLanes(env: WorkerEnv, settings: typeof DEFAULTS): [WorkLane<TimerBatch>, WorkLane<OutboxMessage>] {
  const { ctx, workerId } = env;
  const timers: WorkLane<TimerBatch> = {
    name: "timers",
    concurrency: settings.concurrency,
    claimSize: (free) => free,
    claim: async (batches) => {
      const claimed = await claimDueTimers(ctx.db, { workerId, now: ctx.clock.now(), limit: batches * settings.timerBatchSize, lockMs: settings.timerLockMs });
      return intoBatches(claimed, settings.timerBatchSize);
    },
    run: (batch) => runClaimedTimers(env, batch.timers),
    release: (batches) => releaseTimers(ctx.db, batches.flatMap((batch) => batch.timers.map((timer) => timer.id)), workerId),
    nextDueAt: () => nextTimerDueAt(ctx.db, ctx.clock.now()),
  };
  // Messages are claimed only for open slots: a queued message's lease would tick while the
  // worker is busy elsewhere, and a lease that runs out lets a claim send the message again.
  const messages: WorkLane<OutboxMessage> = {
    name: "messages",
    concurrency: settings.concurrency,
    claimSize: (free) => free,
    claim: (limit) => claimDueMessages(ctx.db, { workerId, now: ctx.clock.now(), limit, lockMs: settings.messageLockMs }),
    run: (message) => deliverClaimedMessage(env, message),
    release: (messages) => releaseMessages(ctx.db, messages.map((message) => message.id), workerId),
    nextDueAt: () => nextMessageDueAt(ctx.db, ctx.clock.now()),
  };
  return [timers, messages];
}

function workerEnv(ctx: ServiceContext, options: WorkerOptions): WorkerEnv {
  return {
    ctx,
    workerId: options.workerId ?? newWorkerId(),
    tasks: createTaskRegistry(options.tasks),
    channels: createChannelRegistry(options.channels),
    random: options.random ?? Math.random,
    counts: emptyCounts(),
  };
}

/**
 * Starts the worker: it claims due timers and outbox messages, runs timers (task + completion
 * in one transaction) and delivers messages, and wakes at once when work is announced in this
 * process or, with `listenUrl`, by any process on the same PostgreSQL database.
 */
export async function startWorker(ctx: ServiceContext, options: WorkerOptions): Promise<RunningWorker> {
  const settings = { ...DEFAULTS, ...definedOnly(options) };
  const env = workerEnv(ctx, options);
  const listener: WorkListener | undefined = options.listenUrl ? await listenForWork(options.listenUrl, notifyWork, ctx.log) : undefined;
  const stopping = new AbortController();
  const control = { stop: stopping.signal, idlePollMs: settings.idlePollMs, now: () => ctx.clock.now(), log: ctx.log };
  const lanes = Promise.all(buildLanes(env, settings).map((lane) => driveLane(lane as WorkLane<{ id: string }>, control)));
  ctx.log.info({ workerId: env.workerId, concurrency: settings.concurrency, tasks: [...env.tasks.keys()], channels: [...env.channels.keys()] }, "worker started");
  let stopped: Promise<void> | undefined;
  return {
    workerId: env.workerId,
    counts: env.counts,
    stop: () =>
      (stopped ??= (async () => {
        stopping.abort();
        await lanes;
        await listener?.close();
        ctx.log.info({ workerId: env.workerId, ...env.counts }, "worker stopped");
      })()),
  };
}

/**
 * Runs everything due now and returns when nothing claimable is left: for tests that move a
 * manual clock, and for one-shot use. Work that falls due meanwhile runs too.
 */
export async function runDueWork(ctx: ServiceContext, options: WorkerOptions): Promise<WorkerCounts> {
  const settings = { ...DEFAULTS, ...definedOnly(options) };
  const env = workerEnv(ctx, options);
  const [timers, messages] = buildLanes(env, settings);
  for (;;) {
    const timerBatches = await timers.claim(settings.concurrency);
    for (const batch of timerBatches) await timers.run(batch);
    const claimedMessages = await messages.claim(settings.concurrency);
    await Promise.all(claimedMessages.map((message) => messages.run(message)));
    if (timerBatches.length === 0 && claimedMessages.length === 0) return env.counts;
  }
}

/** The numeric settings given in `options`, without undefined ones (which would override defaults). */
function definedOnly(options: WorkerOptions): Partial<typeof DEFAULTS> {
  const { concurrency, timerBatchSize, timerLockMs, messageLockMs, idlePollMs } = options;
  return Object.fromEntries(Object.entries({ concurrency, timerBatchSize, timerLockMs, messageLockMs, idlePollMs }).filter(([, value]) => value !== undefined));
}
