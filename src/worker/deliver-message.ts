import { performance } from "node:perf_hooks";
import { type DeliveryResult, failedDelivery } from "../channels/channel.js";
import { nextAttemptAt } from "../domain/work/retry-policy.js";
import { appendEvents } from "../store/events.js";
import { deferMessage, markDelivered, markFailed, type OutboxMessage } from "../store/outbox.js";
import { errorText, leadIdOfPayload, UNKNOWN_WORK_RETRY, type WorkerEnv } from "./worker-env.js";

async function attemptDelivery(env: WorkerEnv, message: OutboxMessage, attempt: number): Promise<DeliveryResult> {
  const entry = env.channels.get(message.channel);
  if (!entry) return failedDelivery(`no channel named "${message.channel}" is configured in this worker`);
  const invalid = entry.checkPayload(message.payload);
  if (invalid) return failedDelivery(invalid, { isPermanent: true });
  try {
    return await entry.channel.deliver({ id: message.id, attempt, payload: message.payload });
  } catch (error) {
    return failedDelivery(errorText(error));
  }
}

/**
 * Sends one claimed message, then records the attempt. Sending happens outside any transaction
 * (a peer can take seconds); if the process dies between the peer's answer and `markDelivered`,
 * the lease runs out and another worker sends it again with the same id, which the peer
 * recognises: at least once on the wire, once in effect.
 */
export async function deliverClaimedMessage(env: WorkerEnv, message: OutboxMessage): Promise<void> {
  const { ctx, workerId } = env;
  const attempt = message.attempts + 1;
  const startedAt = performance.now();
  const result = await attemptDelivery(env, message, attempt);
  if ("deferredUntil" in result) {
    await deferMessage(ctx.db, { id: message.id, workerId, availableAt: result.deferredUntil });
    env.counts.messagesDeferred += 1;
    return;
  }
  const report = { id: message.id, workerId, attempt, at: ctx.clock.now(), statusCode: result.statusCode, durationMs: performance.now() - startedAt };
  if (result.isDelivered) {
    await ctx.db.transaction().execute(async (trx) => {
      await markDelivered(trx, report);
      await result.recordInTransaction?.(trx);
    });
    env.counts.messagesDelivered += 1;
    return;
  }
  const retry = env.channels.get(message.channel)?.channel.retry ?? UNKNOWN_WORK_RETRY;
  const retryAt = result.isPermanent ? null : nextAttemptAt(retry, attempt, report.at, env.random());
  env.counts.messagesFailed += 1;
  ctx.log.warn({ messageId: message.id, channel: message.channel, attempt, retryAt, statusCode: result.statusCode, err: result.error }, "delivery attempt failed");
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await markFailed(trx, { ...report, error: result.error, retryAt }))) return;
    const data = { kind: "message", id: message.id, key: message.key, channel: message.channel, attempts: attempt, error: result.error, leadId: leadIdOfPayload(message.payload) };
    await appendEvents(trx, [{ leadId: null, type: "work_dead", actor: "system", at: report.at, data }]);
  });
}
