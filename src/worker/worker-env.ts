import type { Channel } from "../channels/channel.js";
import type { RetryPolicy } from "../domain/work/retry-policy.js";
import type { ServiceContext } from "../services/context.js";
import { compilePayloadCheck, type PayloadCheck } from "./payload-check.js";
import type { TaskRegistry } from "./timer-task.js";

/** Channels by name, each with its compiled payload check. */
export type ChannelRegistry = ReadonlyMap<string, { channel: Channel; checkPayload: PayloadCheck }>;

/** Tallies since the worker started, for logs and tests. */
export type WorkerCounts = {
  timersCompleted: number;
  /** Claimed, then found rescheduled, cancelled or taken over before it ran: not run. */
  timersSkipped: number;
  timersFailed: number;
  messagesDelivered: number;
  messagesFailed: number;
  /** Put back unsent to wait for a later time (not an attempt). */
  messagesDeferred: number;
};

/** What running one claimed row needs. */
export type WorkerEnv = {
  ctx: ServiceContext;
  workerId: string;
  tasks: TaskRegistry;
  channels: ChannelRegistry;
  /** In [0, 1): backoff jitter. */
  random: () => number;
  counts: WorkerCounts;
};

/**
 * Work whose task or channel this worker does not know: retried patiently (a newer worker in a
 * rolling deploy may know it) for about 8 hours (30 s doubling to 1 h, 12 attempts), then dead.
 */
export const UNKNOWN_WORK_RETRY: RetryPolicy = { maxAttempts: 12, backoffBaseMs: 30_000, backoffMaxMs: 3_600_000 };

/** Indexes channels by name; two channels with one name is a programming error. */
export function createChannelRegistry(channels: readonly Channel[]): ChannelRegistry {
  const registry = new Map<string, { channel: Channel; checkPayload: PayloadCheck }>();
  for (const channel of channels) {
    if (registry.has(channel.name)) throw new Error(`two channels are named "${channel.name}"`);
    registry.set(channel.name, { channel, checkPayload: compilePayloadCheck(channel.payloadSchema) });
  }
  return registry;
}

/** Zeroed tallies. */
export function emptyCounts(): WorkerCounts {
  return { timersCompleted: 0, timersSkipped: 0, timersFailed: 0, messagesDelivered: 0, messagesFailed: 0, messagesDeferred: 0 };
}

/**
 * The lead a piece of work is about, if its payload names one (`leadId`, `lead.id` or a webhook's
 * `body.data.leadId`). `work_dead` carries it in its data, not as `lead_id`: the lead may be gone,
 * and recording the death must not fail on a foreign key.
 */
export function leadIdOfPayload(payload: unknown): string | null {
  if (typeof payload !== "object" || payload === null) return null;
  const { leadId, lead, body } = payload as { leadId?: unknown; lead?: { id?: unknown }; body?: { data?: { leadId?: unknown } } };
  const candidate = [leadId, lead?.id, body?.data?.leadId].find((id) => typeof id === "string");
  return typeof candidate === "string" ? candidate : null;
}

/** A thrown value as one line for `last_error`. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
