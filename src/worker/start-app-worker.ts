import type { Channel } from "../channels/channel.js";
import { createEmailChannel } from "../channels/email.js";
import { createSequenceEmailChannel } from "../channels/sequence-email.js";
import { createSlackChannel } from "../channels/slack.js";
import { createWebhookChannel } from "../channels/webhook.js";
import type { Config } from "../config.js";
import type { ServiceContext } from "../services/context.js";
import { ensureDriftCheckScheduled } from "../services/scoring/drift-timer.js";
import { ensureScoresRefreshScheduled } from "../services/scoring/rescore-leads.js";
import { findWebhookSubscription } from "../store/webhook-subscriptions.js";
import { startMailboxPoller } from "./mailbox-poller.js";
import { type RunningWorker, startWorker, type WorkerOptions } from "./run-worker.js";
import { TIMER_TASKS } from "./timer-tasks.js";

/** The app's channels, configured: signed webhooks, Slack, SMTP email and sequence emails through each owner's mailbox. */
export function createAppChannels(ctx: ServiceContext, config: Config): Channel[] {
  const timeoutMs = config.webhookTimeoutMs;
  return [
    createWebhookChannel({ timeoutMs, clock: ctx.clock, findEndpoint: (id) => findWebhookSubscription(ctx.db, id) }),
    createSlackChannel({ publicUrl: config.publicUrl, timeoutMs }),
    createEmailChannel({ smtpUrl: config.smtpUrl, from: config.mailFrom, timeoutMs }),
    createSequenceEmailChannel(ctx, { publicUrl: config.publicUrl }),
  ];
}

/**
 * How long the app worker holds a claimed message: a claimed message may wait behind one send
 * per slot before its own (a claim takes a round beyond the open slots), so two of the slowest
 * SMTP sends, with room to spare. A live worker never loses a lease mid-send, so a slow mail
 * server does not make another worker send the same email again.
 */
export const APP_MESSAGE_LOCK_MS = 5 * 60_000;

/**
 * Starts the worker `closeloop serve` and `closeloop worker` run: every task in `TIMER_TASKS`,
 * the configured channels, and on PostgreSQL a LISTEN connection so other processes' writes
 * wake it at once. A message lease is `APP_MESSAGE_LOCK_MS`, or 6 webhook timeouts if longer.
 * Beside it, the mailbox poller reads users' IMAP mailboxes every MAILBOX_POLL_SECONDS. The
 * daily drift check and the daily pass that rescores open leads schedule themselves; starting
 * makes sure each is pending (one key, never two).
 */
export async function startAppWorker(ctx: ServiceContext, config: Config, options: Partial<WorkerOptions> = {}): Promise<RunningWorker> {
  await ensureDriftCheckScheduled(ctx);
  await ensureScoresRefreshScheduled(ctx);
  const worker = await startWorker(ctx, {
    tasks: TIMER_TASKS,
    channels: createAppChannels(ctx, config),
    concurrency: config.workerConcurrency,
    messageLockMs: Math.max(APP_MESSAGE_LOCK_MS, 6 * config.webhookTimeoutMs),
    listenUrl: config.databaseUrl,
    ...options,
  });
  const poller = startMailboxPoller(ctx, { intervalMs: config.mailboxPollSeconds * 1000 });
  const stop = async () => {
    await poller.stop();
    await worker.stop();
  };
  return { workerId: worker.workerId, counts: worker.counts, stop };
}
